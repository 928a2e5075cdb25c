package dev.credwatch.agent.report.inventory;

import java.util.List;

/**
 * {@code dev.credwatch:type=Credentials}: the credentials the application used, soonest to expire first, and the
 * credwatch that watches them (its version and settings, as its start line gives them).
 */
public interface CredentialsMXBean {
    List<CredentialRow> getCredentials();

    String getAgentVersion();

    String getSettings();
}
