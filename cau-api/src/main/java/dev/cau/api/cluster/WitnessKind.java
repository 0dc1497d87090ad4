package dev.cau.api.cluster;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** The kinds of quorum witness a failover cluster can use. */
@API(status = STABLE, since = "0.1.0")
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
