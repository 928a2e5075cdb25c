package dev.credwatch.agent.instrument.core;

import java.lang.invoke.MethodHandle;
import java.util.Arrays;

/**
 * One runtime class's handles: the few members credwatch reads of it, found by comparing names by identity
 * (they are string literals), so a read hashes nothing. A profile of SDK v1 calls put a third of credwatch's
 * reading time in a hash map keyed by these names. Entries are replaced as a whole, so readers need no lock.
 */
final class MemberHandles {
    private volatile Entries entries = new Entries(new String[0], new MethodHandle[0]);

    MethodHandle find(String name) {
        Entries known = entries;
        for (int i = 0; i < known.names.length; i++) {
            if (known.names[i] == name) {
                return known.handles[i];
            }
        }
        for (int i = 0; i < known.names.length; i++) { // a name made at run time: the same member still
            if (known.names[i].equals(name)) {
                return known.handles[i];
            }
        }
        return null;
    }

    synchronized MethodHandle add(String name, MethodHandle handle) {
        MethodHandle raced = find(name);
        if (raced != null) {
            return raced;
        }
        Entries known = entries;
        int size = known.names.length;
        String[] names = Arrays.copyOf(known.names, size + 1);
        MethodHandle[] handles = Arrays.copyOf(known.handles, size + 1);
        names[size] = name;
        handles[size] = handle;
        entries = new Entries(names, handles);
        return handle;
    }

    private static final class Entries {
        final String[] names;
        final MethodHandle[] handles;

        Entries(String[] names, MethodHandle[] handles) {
            this.names = names;
            this.handles = handles;
        }
    }
}
