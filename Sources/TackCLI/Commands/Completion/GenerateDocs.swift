import ArgumentParser
import TackBase
import TackJSON

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension Tack {
  /// Hidden: writes the committed docs (man pages and completion scripts) generated from the command
  /// tree. `make docs` runs it; a test fails when the committed files are stale.
  struct GenerateDocs: TackCommand {
    static let configuration = CommandConfiguration(
      commandName: "generate-docs",
      abstract: "Write man pages and shell completion scripts generated from the command tree.",
      shouldDisplay: false)

    @Option(help: "The project directory to write man/ and completions/ into.")
    var output: String = "."

    func execute(context: CommandContext) async throws {
      for file in try GeneratedDocs.files() {
        let path = output + "/" + file.path
        try GeneratedDocs.write(file.contents, to: path)
        context.console.success("wrote \(file.path)")
      }
    }
  }
}

/// The docs generated from the command tree: `man/*.1` and `completions/*`.
public enum GeneratedDocs {
  public struct File: Sendable, Equatable {
    public var path: String
    public var contents: String
  }

  /// Every generated file, paths relative to the project root.
  public static func files() throws -> [File] {
    var result: [File] = [
      File(path: "completions/tack.bash", contents: Tack.completionScript(for: .bash)),
      File(path: "completions/_tack", contents: Tack.completionScript(for: .zsh)),
      File(path: "completions/tack.fish", contents: Tack.completionScript(for: .fish)),
    ]
    let tree = try JSON.parse(Tack._dumpHelp())
    for page in ManPageWriter.pages(toolInfo: tree, version: TackVersion.current) {
      result.append(File(path: "man/\(page.name).1", contents: page.text))
    }
    return result
  }

  /// Writes atomically, so a failed run never leaves a half-written page.
  static func write(_ contents: String, to path: String) throws {
    do {
      try AtomicFile.write(
        Array(contents.utf8), to: path, permissions: .umasked(0o666), durable: false, createDirectories: true)
    } catch {
      throw CommandError("cannot write \(path): \(error.reason)")
    }
  }
}
