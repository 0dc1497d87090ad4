package dev.cau.api.cluster;

/** The kinds of quorum witness a failover cluster can use. */
public enum WitnessKind {
  /** No witness: node majority only. */
  NONE,
  /** A clustered disk. */
  DISK,
  /** A file share, including a USB or NAS share. */
  FILE_SHARE,
  /** A blob in cloud storage. */
  CLOUD
}
