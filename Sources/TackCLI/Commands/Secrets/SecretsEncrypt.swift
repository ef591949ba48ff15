import ArgumentParser
import TackBase
import TackOutput
import TackSecrets

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Tack.Secrets {
  /// `tack secrets encrypt`: SOPS-encrypts a YAML or JSON file for age recipients.
  struct Encrypt: TackCommand {
    static let configuration = CommandConfiguration(
      abstract: "Encrypt a YAML or JSON file with SOPS for age recipients.",
      discussion: """
        Recipients and the crypt rule come from the flags, else from the first matching creation \
        rule of .sops.yaml (searched from the current directory upward; --config or SOPS_CONFIG \
        name another file). A Kubernetes Secret with no rule given gets \
        encrypted_regex ^(data|stringData)$, which is what Flux expects. Every YAML document is \
        encrypted; comments are dropped.
        """)

    @Argument(help: "The file to encrypt, or - for stdin.")
    var file: String

    @Option(help: "Comma-separated age recipients (age1…); may be repeated. Default: $SOPS_AGE_RECIPIENTS.")
    var age: [String] = []

    @Option(help: "Encrypt only values under keys matching this regex.")
    var encryptedRegex: String?

    @Option(help: "Leave values under keys matching this regex unencrypted.")
    var unencryptedRegex: String?

    @Option(help: "Encrypt only values under keys ending with this suffix.")
    var encryptedSuffix: String?

    @Option(help: "Leave values under keys ending with this suffix unencrypted.")
    var unencryptedSuffix: String?

    @Flag(help: "Compute the MAC over encrypted values only, so plain fields may be edited.")
    var macOnlyEncrypted = false

    @Flag(name: [.customShort("i"), .long], help: "Write the result over the input file (atomically).")
    var inPlace = false

    @Option(name: [.short, .customLong("output")], help: "Write the result to this file instead of stdout.")
    var output: String?

    @Option(help: "The input format: yaml or json (default: from the file extension).")
    var inputType: SopsFormat?

    @Option(help: "The .sops.yaml to use (default: $SOPS_CONFIG, else found from the current directory upward).")
    var config: String?

    func validate() throws {
      let rules = [encryptedRegex, unencryptedRegex, encryptedSuffix, unencryptedSuffix].compactMap { $0 }
      if rules.count > 1 {
        throw ValidationError("use only one of --encrypted-regex, --unencrypted-regex, --encrypted-suffix, --unencrypted-suffix")
      }
      if inPlace, output != nil { throw ValidationError("use either --in-place or -o/--output, not both") }
      if inPlace, file == "-" { throw ValidationError("--in-place needs a file, not stdin") }
    }

    func execute(context: CommandContext) async throws {
      let environment = context.environment
      let command = self
      let (text, notice) = try await Blocking.run { try command.encrypt(environment: environment) }
      if let notice { context.console.action(notice) }
      // Ciphertext: an existing file keeps its mode.
      try SecretsOutput.deliver(
        Array(text.utf8), input: file, inPlace: inPlace, output: output, permissions: .preserving(default: 0o644),
        context: context)
    }

    var flagRule: SopsCryptRule? {
      if let encryptedRegex { return .encryptedRegex(encryptedRegex) }
      if let unencryptedRegex { return .unencryptedRegex(unencryptedRegex) }
      if let encryptedSuffix { return .encryptedSuffix(encryptedSuffix) }
      if let unencryptedSuffix { return .unencryptedSuffix(unencryptedSuffix) }
      return nil
    }

    /// The encrypted text, and a note for stderr when a default was applied.
    func encrypt(environment: [String: String]) throws -> (String, String?) {
      let name = SecretsFiles.displayName(file)
      let format = inputType ?? SopsFormat.detect(path: file == "-" ? nil : file)
      let plain: SopsFile
      do {
        plain = try SopsFile.parse(SecretsFiles.readText(file), format: format)
      } catch let error as SopsError {
        throw error.from(name)
      }

      var recipientTexts = age.flatMap { $0.split(separator: ",").map { $0.trimming(" \t\n") } }.filter { !$0.isEmpty }
      if recipientTexts.isEmpty, let fromEnvironment = environment["SOPS_AGE_RECIPIENTS"] {
        recipientTexts = fromEnvironment.split(separator: ",").map { $0.trimming(" \t\n") }.filter { !$0.isEmpty }
      }
      var rule = flagRule
      var macOnly = macOnlyEncrypted
      var indent: Int?
      var jsonIndent: Int?
      if let config = try loadConfig(environment: environment) {
        indent = config.yamlIndent
        jsonIndent = config.jsonIndent
        if let creationRule = try matchingRule(in: config, required: recipientTexts.isEmpty) {
          if recipientTexts.isEmpty {
            recipientTexts = creationRule.ageRecipients
            if recipientTexts.isEmpty, !creationRule.otherKeyTypes.isEmpty {
              throw CommandError(
                "\(config.path): the creation rule for \(name) uses \(creationRule.otherKeyTypes.joined(separator: ", ")) keys; tack encrypts for age recipients only (--age)")
            }
          }
          rule = rule ?? creationRule.cryptRule
          macOnly = macOnly || creationRule.macOnlyEncrypted
        }
      }
      guard !recipientTexts.isEmpty else {
        throw CommandError("\(name): no age recipients; pass --age age1… or add a creation rule with age keys to .sops.yaml", exitStatus: .usage)
      }
      var recipients: [AgeX25519Recipient] = []
      for text in recipientTexts { recipients.append(try AgeX25519Recipient(text)) }

      var file = plain
      if let indent { file.yamlIndent = indent }
      // From .sops.yaml: a negative count would trap, a huge one fill memory.
      if let jsonIndent { file.jsonIndent = String(repeating: " ", count: min(max(jsonIndent, 0), 16)) }
      let options = SopsEncryptionOptions(recipients: recipients, cryptRule: rule, macOnlyEncrypted: macOnly)
      let notice = rule == nil && file.containsKubernetesSecret
        ? "\(name): Kubernetes Secret: encrypting data and stringData only (encrypted_regex ^(data|stringData)$)" : nil
      do {
        return (try Sops.encrypt(file, options: options).serialized(), notice)
      } catch {
        throw error.from(name)
      }
    }

    /// The creation rule for the input. With recipients on the command line a config without a
    /// matching rule is not an error: the flags say everything needed.
    func matchingRule(in config: SopsConfig, required: Bool) throws -> SopsConfig.CreationRule? {
      let path = file == "-" ? SecretsFiles.currentDirectory() + "/-" : SecretsFiles.absolute(file)
      do {
        return try config.rule(forFile: path)
      } catch {
        if required { throw error }
        return nil
      }
    }

    func loadConfig(environment: [String: String]) throws -> SopsConfig? {
      let explicit = config ?? environment["SOPS_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
      let path: String
      if let explicit {
        path = explicit
      } else if let found = SopsConfig.find(from: SecretsFiles.currentDirectory(), exists: SecretsFiles.exists) {
        path = found
      } else {
        return nil
      }
      do {
        return try SopsConfig(parsing: SecretsFiles.readText(path), path: path, directory: SecretsFiles.directory(of: path))
      } catch let error as SopsError {
        throw error.from(path)
      }
    }
  }
}

extension SopsFormat: ExpressibleByArgument {}

/// Where a command's result goes: stdout, `-o FILE`, or over the input (`--in-place`), the
/// files written atomically. Stdout's write is checked by the process edge (`TackMain`).
enum SecretsOutput {
  static func deliver(
    _ bytes: [UInt8], input: String, inPlace: Bool, output: String?, permissions: AtomicFile.Permissions,
    context: CommandContext
  ) throws {
    // Ctrl-C while encrypting or decrypting: the user asked for nothing to be written.
    try Task.checkCancellation()
    if inPlace {
      try AtomicFile.write(bytes, to: input, permissions: permissions, registry: context.temporaryFiles)
      context.console.success("\(input) written")
    } else if let output, output != "-" {
      try AtomicFile.write(bytes, to: output, permissions: permissions, registry: context.temporaryFiles)
    } else {
      context.console.out.write(bytes)
    }
  }
}
