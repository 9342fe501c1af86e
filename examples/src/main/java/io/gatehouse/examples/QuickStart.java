package io.gatehouse.examples;

import io.gatehouse.Gatehouse;
import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.login.LoginRequest;
import io.gatehouse.login.LoginResult;
import io.gatehouse.permission.Permission;
import io.gatehouse.permission.Subject;
import io.gatehouse.user.User;
import java.io.PrintStream;
import java.security.SecureRandom;

/**
 * The README quick start as a program: create a user, grant a permission, log in, resolve the session as a
 * request would, check the permission, log out. Run it with
 * {@code mvn -B -q -pl examples -am test-compile exec:java -Dexec.mainClass=io.gatehouse.examples.QuickStart}.
 */
public final class QuickStart {
    private QuickStart() {
    }

    /**
     * Runs the quick start, printing what happens.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out);
    }

    /**
     * Runs the quick start.
     *
     * @param out where to print
     */
    static void run(PrintStream out) {
        // README:start
        // In production: SecretKeyRing.fromBase64(System.getenv("GATEHOUSE_SECRET_KEY")), 32+ random bytes.
        SecretKeyRing keys = SecretKeyRing.generate(new SecureRandom());
        Gatehouse gatehouse = Gatehouse.builder(keys).build(); // in-memory stores; JDBC ones in production

        // blog.add_post, blog.change_post, blog.delete_post, blog.view_post
        gatehouse.permissions().registerResource("blog", "post");
        User alice = gatehouse.accounts().createUser("alice", "alice@example.com", "correct horse battery staple");
        gatehouse.permissionStore().grantToUser(alice.id(), Permission.of("blog.change_post"));

        LoginResult result = gatehouse.authenticator().login(
                LoginRequest.of("Alice@Example.com", "correct horse battery staple").from("203.0.113.7"));
        if (result instanceof LoginResult.Success success) {
            String cookieValue = success.session().id(); // send in an HttpOnly, Secure, SameSite cookie

            // On every request: the cookie value resolves to the user and its permissions in one call.
            Subject subject = gatehouse.sessions().resolve(cookieValue).orElseThrow().subject();
            out.println(subject.user().orElseThrow().username() + " may change posts: "
                    + subject.hasPerm("blog.change_post") + ", delete posts: " + subject.hasPerm("blog.delete_post"));

            gatehouse.authenticator().logout(cookieValue);
            out.println("after logout the session resolves: " + gatehouse.sessions().resolve(cookieValue).isPresent());
        } else {
            out.println("login failed: " + result);
        }
        // README:end
    }
}
