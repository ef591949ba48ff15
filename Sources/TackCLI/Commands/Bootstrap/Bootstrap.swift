import ArgumentParser

extension Tack {
  /// `tack bootstrap`: deploy Flux the GitOps way.
  struct Bootstrap: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Deploy Flux on a cluster the GitOps way.",
      discussion: """
        The bootstrap sub-commands push the Flux manifests to a Git repository and deploy Flux on \
        the cluster.
        """,
      subcommands: [Git.self, GitHub.self, GitLab.self, Gitea.self, BitbucketServer.self])
  }
}
