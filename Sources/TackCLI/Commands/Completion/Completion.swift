import ArgumentParser
import TackBase

extension Tack {
  /// `tack completion bash|zsh|fish`: prints the shell completion script, as `flux completion` does.
  /// The same scripts are committed under `completions/` and installed by `make install`.
  struct Completion: TackCommand {
    static let configuration = CommandConfiguration(
      abstract: "Generate the autocompletion script for the specified shell.",
      discussion: """
        Load completions in the current shell session:
          bash: source <(tack completion bash)
          zsh:  source <(tack completion zsh)
          fish: tack completion fish | source
        `make install` installs them system-wide (bash-completion, zsh site-functions, fish \
        vendor_completions.d).
        """)

    enum Shell: String, ExpressibleByArgument, CaseIterable {
      case bash, zsh, fish
      var completionShell: CompletionShell {
        switch self {
        case .bash: .bash
        case .zsh: .zsh
        case .fish: .fish
        }
      }
    }

    @Argument(help: "The shell: bash, zsh or fish.")
    var shell: Shell

    func execute(context: CommandContext) async throws {
      context.console.write(Tack.completionScript(for: shell.completionShell))
    }
  }
}
