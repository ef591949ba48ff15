import ArgumentParser

extension Tack {
  /// `tack get <noun>`: flux's status tables, plus JSON, YAML, JSON lines and names.
  struct Get: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Get the resources and their status.",
      discussion: "The get sub-commands print the statuses of Flux and Flagger resources.",
      subcommands: GetCommands.subcommands)
  }
}
