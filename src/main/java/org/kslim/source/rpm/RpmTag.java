package org.kslim.source.rpm;

/**
 * The rpm header tags kslim reads and writes, by number (from rpm's {@code rpmtag.h}); those marked as
 * fields are reported by name in {@link org.kslim.source.PackageInfo#fields()}.
 *
 * <pre>{@code
 * String name = header.string(RpmTag.NAME.number()).orElseThrow();
 * }</pre>
 */
public enum RpmTag {
  HEADERI18NTABLE(100, false),
  /** Signature header: bytes of the main header and the compressed payload. */
  SIG_SIZE(1000, false),
  /** Signature header: MD5 of the main header and the compressed payload. */
  SIG_MD5(1004, false),
  /** Signature header: bytes of the uncompressed payload. */
  SIG_PAYLOADSIZE(1007, false),
  /** Signature header: SHA-1 of the main header, in hex. */
  SIG_SHA1(269, false),
  /** Signature header: SHA-256 of the main header, in hex. */
  SIG_SHA256(273, false),
  NAME(1000, true),
  VERSION(1001, true),
  RELEASE(1002, true),
  EPOCH(1003, true),
  SUMMARY(1004, true),
  DESCRIPTION(1005, true),
  BUILDTIME(1006, true),
  BUILDHOST(1007, true),
  SIZE(1009, true),
  VENDOR(1011, true),
  LICENSE(1014, true),
  PACKAGER(1015, true),
  GROUP(1016, true),
  URL(1020, true),
  OS(1021, true),
  ARCH(1022, true),
  PREIN(1023, false),
  POSTIN(1024, false),
  PREUN(1025, false),
  POSTUN(1026, false),
  FILESIZES(1028, false),
  FILEMODES(1030, false),
  FILERDEVS(1033, false),
  FILEMTIMES(1034, false),
  FILEDIGESTS(1035, false),
  FILELINKTOS(1036, false),
  FILEFLAGS(1037, false),
  FILEUSERNAME(1039, false),
  FILEGROUPNAME(1040, false),
  SOURCERPM(1044, true),
  FILEVERIFYFLAGS(1045, false),
  PROVIDENAME(1047, false),
  REQUIREFLAGS(1048, false),
  REQUIRENAME(1049, false),
  REQUIREVERSION(1050, false),
  CONFLICTFLAGS(1053, false),
  CONFLICTNAME(1054, false),
  CONFLICTVERSION(1055, false),
  RPMVERSION(1064, false),
  PREINPROG(1085, true),
  POSTINPROG(1086, true),
  PREUNPROG(1087, true),
  POSTUNPROG(1088, true),
  OBSOLETENAME(1090, false),
  FILEDEVICES(1095, false),
  FILEINODES(1096, false),
  FILELANGS(1097, false),
  PROVIDEFLAGS(1112, false),
  PROVIDEVERSION(1113, false),
  OBSOLETEFLAGS(1114, false),
  OBSOLETEVERSION(1115, false),
  DIRINDEXES(1116, false),
  BASENAMES(1117, false),
  DIRNAMES(1118, false),
  PAYLOADFORMAT(1124, true),
  PAYLOADCOMPRESSOR(1125, true),
  PAYLOADFLAGS(1126, true),
  PRETRANS(1151, false),
  POSTTRANS(1152, false),
  PRETRANSPROG(1153, true),
  POSTTRANSPROG(1154, true),
  LONGFILESIZES(5008, false),
  FILEDIGESTALGO(5011, false),
  ENCODING(5062, false),
  PAYLOADDIGEST(5092, false),
  PAYLOADDIGESTALGO(5093, false),
  PAYLOADDIGESTALT(5097, false);

  private final int number;
  private final boolean field;

  RpmTag(int number, boolean field) {
    this.number = number;
    this.field = field;
  }

  public int number() {
    return number;
  }

  /** Whether {@link org.kslim.source.PackageInfo#fields()} reports this tag by its name. */
  boolean isField() {
    return field;
  }
}
