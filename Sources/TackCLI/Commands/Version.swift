import ArgumentParser
import TackJSON
import TackOutput

extension Tack {
  /// `tack version`: the client version and, unless `--client`, the server's and the controllers'.
  struct Version: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the client and server-side components version information.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case yaml, json
    }

    @Flag(help: "If true, shows client version only (no server required).")
    var client = false

    @Option(name: [.short, .long], help: "The format to be used for output. One of: yaml, json.")
    var output: Format?

    func run() async throws {
      let context = CommandContext.live()
      var info: JSON = ["tack": .string(TackVersion.current)]
      if !client {
        // Server and controller versions come with the Kubernetes client (issue: get/export/version).
        info["tack"] = .string(TackVersion.current)
      }
      switch output {
      case nil:
        context.console.print("tack: v\(TackVersion.current)")
      case .json:
        context.console.print(info.serialized(.kubectl))
      case .yaml:
        context.console.write(info.yaml(.ordered))
      }
    }
  }
}
