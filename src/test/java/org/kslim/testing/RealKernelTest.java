package org.kslim.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A test of the real-kernel tier: it reads {@link SharedData} and may call kmod, rpm or dpkg.
 * {@code .ci/run} runs these with {@code -Dgroups=real -Dkslim.shared=...}; a plain
 * {@code mvn -B verify} skips them.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Tag("real")
@Test
public @interface RealKernelTest {}
