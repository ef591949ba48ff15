import ArgumentParser
import TackCore

extension Tack {
  /// `tack kustomize DIR`: what `kubectl kustomize DIR` prints, from tack's own engine.
  struct Kustomize: TackCommand {
    static let configuration = CommandConfiguration(
      abstract: "Build a kustomization directory and print the resources, as kubectl kustomize does.",
      discussion: """
        Renders DIR with tack's kustomize engine (kustomize v5.5 behaviour: legacy resource order, \
        files restricted to the kustomization root, local files only) and prints the YAML stream \
        byte for byte as kubectl kustomize does. No cluster is contacted.
        """)

    @Argument(help: "The directory holding kustomization.yaml.", completion: .directory)
    var directory: String

    func execute(context: CommandContext) async throws {
      context.console.write(try KustomizeDirectory.render(CommandLinePath.absolute(directory)))
    }
  }
}
