package dev.credwatch.agent.instrument.core;

/**
 * Whether an optional SDK module is on the class path where the SDK lives, asked once per class loader: the
 * answer does not change while the JVM runs, and asking must cost nothing per call.
 */
public final class SdkModules {
    private final String probeClass;
    private final ClassValue<Boolean> present = new ClassValue<Boolean>() {
        @Override
        protected Boolean computeValue(Class<?> sdkType) {
            try {
                Class.forName(probeClass, false, sdkType.getClassLoader());
                return Boolean.TRUE;
            } catch (ClassNotFoundException | LinkageError e) {
                return Boolean.FALSE;
            }
        }
    };

    /** @param probeClass a class the module always has, e.g. its client */
    public SdkModules(String probeClass) {
        this.probeClass = probeClass;
    }

    /** True when the module is loadable from the loader of {@code sdkObject}'s class; false for null. */
    public boolean presentBeside(Object sdkObject) {
        return sdkObject != null && present.get(sdkObject.getClass());
    }
}
