import ArgumentParser

extension Tack {
  /// `tack create`: create or update Flux objects and secrets.
  struct Create: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create or update sources and resources.",
      discussion: """
        Each noun builds the object flux would build from the same flags. With --export it is \
        printed as YAML (byte for byte what flux prints; -o json for tooling) and nothing is sent to \
        the cluster. Otherwise it is created, or the existing object's labels and spec are replaced \
        (annotations and status kept), and tack follows it with a watch until it is Ready for the \
        new generation (--no-wait or --wait=false to return at once). --dry-run=server sends it with \
        dryRun=All, so the cluster's admission and schema check it without storing anything.

        Exit codes: 0 success, 1 error, 3 timed out waiting, 4 the resource reported failure \
        (Ready=False, Stalled), 64 usage error (nothing was sent), 130 interrupted.
        """,
      subcommands: [
        CreateSource.self, CreateKustomization.self, CreateHelmRelease.self, CreateAlertProvider.self,
        CreateAlert.self, CreateReceiver.self, CreateImage.self, CreateTenant.self, Secret.self,
      ])
  }
}

extension Tack.Create {
  /// `tack create secret`.
  struct Secret: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create or update Kubernetes secrets for Flux.",
      subcommands: [
        Git.self, Helm.self, TLS.self, OCI.self, Proxy.self, GitHubApp.self, Receiver.self, Notation.self,
      ])
  }
}

/// `tack create source`.
struct CreateSource: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "source",
    abstract: "Create or update sources.",
    subcommands: [
      CreateSourceGit.self, CreateSourceHelm.self, CreateSourceOCI.self, CreateSourceBucket.self,
      CreateSourceChart.self,
    ])
}
