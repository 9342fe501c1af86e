package io.gatehouse.examples.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tool's exit statuses, listed in every command's {@code --help} ({@link #describe()}). Scripts may rely on
 * them: they only ever gain new numbers.
 */
final class Exit {
    /** The command did what was asked. */
    static final int OK = 0;
    /** A check came out negative: {@code check-password} found that the password does not match. */
    static final int MISMATCH = 1;
    /** The command line or the input was wrong: unknown option, bad username, weak password, unknown user. */
    static final int USAGE = 2;
    /** A setting is wrong or missing (the message names it): database login, JDBC driver, SMTP, secret key. */
    static final int CONFIG = 3;
    /** The database cannot be reached or failed. */
    static final int DATABASE = 4;
    /** The SMTP server cannot be reached or refused the mail. */
    static final int SMTP = 5;
    /** The Gatehouse tables are missing or older than this tool: run {@code migrate}. */
    static final int SCHEMA = 6;
    /** A bug in the tool; the message says what went wrong. */
    static final int INTERNAL = 70;

    private Exit() {
    }

    /**
     * Each status with what it means, for the help.
     *
     * @return status to description, in order
     */
    static Map<String, String> describe() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(String.valueOf(OK), "success");
        codes.put(String.valueOf(MISMATCH), "check-password: the password does not match");
        codes.put(String.valueOf(USAGE), "usage error or bad input (the message names the option or field)");
        codes.put(String.valueOf(CONFIG), "configuration error (the message names the setting)");
        codes.put(String.valueOf(DATABASE), "the database is unreachable or failed");
        codes.put(String.valueOf(SMTP), "the SMTP server is unreachable or refused the mail");
        codes.put(String.valueOf(SCHEMA), "the schema is not installed or is outdated: run `migrate`");
        codes.put(String.valueOf(INTERNAL), "internal error (a bug)");
        return codes;
    }
}
