package org.kslim.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A test of the browser tier: it opens a page in headless Chromium. Off unless
 * {@code -Dkslim.browser=/usr/bin/chromium} is given ({@code .ci/browser} installs Chromium and
 * runs {@code -Dgroups=browser}); when it is on, a missing Chromium fails the test.
 *
 * <pre>{@code
 * @BrowserTest
 * void rendersTheReport() throws Exception {
 *   try (HeadlessChromium chromium = HeadlessChromium.start(dir)) { chromium.open(html); }
 * }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Tag("browser")
@Test
public @interface BrowserTest {}
