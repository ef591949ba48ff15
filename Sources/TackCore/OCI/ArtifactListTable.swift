import TackOutput

/// `list artifacts` as flux prints it: ARTIFACT, DIGEST, SOURCE, REVISION.
public enum ArtifactListTable {
  public static func render(_ rows: [ArtifactList.Row]) -> String {
    FluxTable(
      header: ["ARTIFACT", "DIGEST", "SOURCE", "REVISION"],
      rows: rows.map { [$0.artifact, $0.digest, $0.source, $0.revision] }
    ).render()
  }
}
