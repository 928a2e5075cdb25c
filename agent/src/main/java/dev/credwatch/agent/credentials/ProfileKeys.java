package dev.credwatch.agent.credentials;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.function.Function;

/**
 * Whether the profile the default chain would have used next declares keys of its own, for a failure's hint
 * when environment keys won the chain. Looked up once, on the first failure that asks, from the same files
 * and variables the SDKs read. Only section names and the name {@code aws_access_key_id} are looked at; no
 * value is kept, compared or written anywhere.
 */
public final class ProfileKeys {
    private static final int MAX_LINES = 2_000;

    private final Function<String, String> environment;
    private final String userHome;
    private volatile String answer;
    private volatile boolean looked;

    public ProfileKeys(Function<String, String> environment, String userHome) {
        this.environment = environment;
        this.userHome = userHome;
    }

    /** The profile's name when its section declares an access key id; else null (no file, no keys, unreadable). */
    public String profileWithKeys() {
        if (!looked) {
            answer = lookUp();
            looked = true;
        }
        return answer;
    }

    private String lookUp() {
        String profile = environment.apply("AWS_PROFILE");
        String name = profile == null || profile.trim().isEmpty() ? "default" : profile.trim();
        Path credentials = file("AWS_SHARED_CREDENTIALS_FILE", "credentials");
        Path config = file("AWS_CONFIG_FILE", "config");
        return declaresKeys(credentials, "[" + name + "]") || declaresKeys(config, "[profile " + name + "]")
                || "default".equals(name) && declaresKeys(config, "[default]") ? name : null;
    }

    private Path file(String variable, String defaultName) {
        String set = environment.apply(variable);
        if (set != null && !set.trim().isEmpty()) {
            return Paths.get(set.trim());
        }
        return userHome == null ? null : Paths.get(userHome, ".aws", defaultName);
    }

    private static boolean declaresKeys(Path file, String header) {
        if (file == null || !Files.isRegularFile(file)) {
            return false;
        }
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            boolean inSection = false;
            String line;
            for (int i = 0; i < MAX_LINES && (line = lines.readLine()) != null; i++) {
                String trimmed = line.trim();
                if (trimmed.startsWith("[")) {
                    inSection = trimmed.replace(" ", "").equalsIgnoreCase(header.replace(" ", ""));
                } else if (inSection && trimmed.toLowerCase(Locale.ROOT).startsWith("aws_access_key_id")) {
                    return true;
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
        return false;
    }
}
