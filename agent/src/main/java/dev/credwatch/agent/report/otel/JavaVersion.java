package dev.credwatch.agent.report.otel;

/** The running Java's feature release: 8 for "1.8.0_402", 17 for "17.0.10". */
final class JavaVersion {
    private JavaVersion() {
    }

    static int feature() {
        return parse(System.getProperty("java.specification.version", "1.8"));
    }

    static int parse(String specificationVersion) {
        String version = specificationVersion.startsWith("1.") ? specificationVersion.substring(2) : specificationVersion;
        int dot = version.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
        } catch (NumberFormatException e) {
            return 8;
        }
    }
}
