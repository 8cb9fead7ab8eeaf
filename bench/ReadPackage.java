import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.kslim.source.KernelPackage;
import org.kslim.source.PackageReader;

/**
 * Streams every entry's bytes of a kernel package and prints the entry count and byte total:
 * the reading cost a kslim stage pays, for comparison with {@code dpkg-deb --fsys-tarfile}.
 *
 * <pre>{@code
 * java -cp target/classes:DEPS:target/bench ReadPackage linux-image.deb
 * }</pre>
 */
public final class ReadPackage {
  private ReadPackage() {}

  public static void main(String[] args) throws IOException {
    KernelPackage pkg = PackageReader.open(Path.of(args[0]));
    long[] totals = new long[2];
    byte[] buffer = new byte[1 << 16];
    pkg.forEachEntry((entry, content) -> {
      totals[0]++;
      totals[1] += drain(content, buffer);
    });
    System.out.println(pkg.info().name() + ": " + totals[0] + " entries, " + totals[1] + " bytes");
  }

  private static long drain(InputStream content, byte[] buffer) throws IOException {
    long total = 0;
    for (int n = content.read(buffer); n > 0; n = content.read(buffer)) {
      total += n;
    }
    return total;
  }
}
