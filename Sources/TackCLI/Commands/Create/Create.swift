import ArgumentParser

extension Tack {
  /// `tack create`: create or update Flux objects and secrets.
  struct Create: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create or update sources and resources.",
      subcommands: [Secret.self])
  }
}

extension Tack.Create {
  /// `tack create secret`.
  struct Secret: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create or update Kubernetes secrets for Flux.",
      subcommands: [Git.self])
  }
}
