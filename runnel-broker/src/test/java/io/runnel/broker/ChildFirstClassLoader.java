package io.runnel.broker;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

/**
 * Loads classes under the given package prefixes from its own URLs first, everything else
 * (the JDK, slf4j, compression libraries) from the parent: enough to run an older kafka-clients
 * beside the 4.4 one in the same JVM.
 */
final class ChildFirstClassLoader extends URLClassLoader {
    private final List<String> isolatedPrefixes;

    ChildFirstClassLoader(URL[] urls, ClassLoader parent, List<String> isolatedPrefixes) {
        super(urls, parent);
        this.isolatedPrefixes = isolatedPrefixes;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isolatedPrefixes.stream().noneMatch(name::startsWith)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = findClass(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    public URL getResource(String name) {
        // kafka-clients reads its version (kafka/kafka-version.properties) and message schemas as resources
        URL own = findResource(name);
        return own != null ? own : super.getResource(name);
    }
}
