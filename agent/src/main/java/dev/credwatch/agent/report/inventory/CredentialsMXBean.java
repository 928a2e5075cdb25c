package dev.credwatch.agent.report.inventory;

import java.util.List;

/** {@code dev.credwatch:type=Credentials}: the credentials the application used, soonest to expire first. */
public interface CredentialsMXBean {
    List<CredentialRow> getCredentials();
}
