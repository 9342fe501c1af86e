/**
 * Authorization: named {@link io.gatehouse.permission.Permission}s of the form {@code app.action_resource},
 * groups, grants to users and groups, and the {@link io.gatehouse.permission.Subject} a request acts as. An
 * active superuser has every permission; an inactive or anonymous subject has none; everyone else has the
 * union of direct and group grants.
 */
@NullMarked
package io.gatehouse.permission;

import org.jspecify.annotations.NullMarked;
