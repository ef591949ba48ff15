import ArgumentParser
import TackBase
import TackSecrets

extension Tack.Secrets {
  /// `tack secrets decrypt`: decrypts a SOPS file with age identities and checks its MAC.
  struct Decrypt: TackCommand {
    static let configuration = CommandConfiguration(
      abstract: "Decrypt a SOPS-encrypted YAML or JSON file with age identities.",
      discussion: """
        Identities are read from SOPS_AGE_KEY, SOPS_AGE_KEY_FILE, each --identity file, and \
        $XDG_CONFIG_HOME/sops/age/keys.txt (or ~/.config/sops/age/keys.txt), as sops reads them. \
        The MAC is verified: a file changed outside sops or tack fails with nothing written.
        """)

    @Argument(help: "The file to decrypt, or - for stdin.")
    var file: String

    @Flag(name: [.customShort("i"), .long], help: "Write the plaintext over the input file (atomically).")
    var inPlace = false

    @Option(name: [.short, .customLong("output")], help: "Write the result to this file (mode 0600) instead of stdout.")
    var output: String?

    @Flag(help: "Do not verify the MAC (only for files you trust).")
    var ignoreMac = false

    @Option(help: "Print only this value, in sops' syntax, e.g. '[\"data\"][\"password\"]'.")
    var extract: String?

    @Option(help: "An age identity file (AGE-SECRET-KEY-1… lines); may be repeated.")
    var identity: [String] = []

    @Option(help: "The input format: yaml or json (default: from the file extension).")
    var inputType: SopsFormat?

    func validate() throws {
      if inPlace, output != nil { throw ValidationError("use either --in-place or -o/--output, not both") }
      if inPlace, file == "-" { throw ValidationError("--in-place needs a file, not stdin") }
      if inPlace, extract != nil { throw ValidationError("--extract prints one value; it cannot be used with --in-place") }
    }

    func execute(context: CommandContext) async throws {
      let environment = context.environment
      let command = self
      let text = try await Blocking.run { try command.decrypt(environment: environment) }
      // Plaintext: 0600 even over an existing 0644 file, which would otherwise pass its mode on.
      try SecretsOutput.deliver(
        Array(text.utf8), input: file, inPlace: inPlace, output: output, permissions: .exactly(0o600), context: context)
    }

    func decrypt(environment: [String: String]) throws -> String {
      let name = SecretsFiles.displayName(file)
      let path = extract.map { text in Result { try SopsTreePath(parsing: text) } }
      let format = inputType ?? SopsFormat.detect(path: file == "-" ? nil : file)
      let identities = try SopsAgeIdentities.load(
        environment: environment, identityFiles: identity, exists: SecretsFiles.exists, readFile: SecretsFiles.readText)
      do {
        let encrypted = try SopsFile.parse(SecretsFiles.readText(file), format: format)
        let plain = try Sops.decrypt(encrypted, identities: identities, ignoreMAC: ignoreMac)
        if let path { return try plain.extract(path.get()) }
        return plain.serialized()
      } catch let error as SopsError {
        throw error.from(name)
      }
    }
  }
}
