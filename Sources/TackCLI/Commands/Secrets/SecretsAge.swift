import ArgumentParser
import TackBase
import TackSecrets

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Tack.Secrets {
  /// `tack secrets age`: plain age v1 files, a stand-in for `age` in the Flux workflow.
  struct AgeFiles: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "age",
      abstract: "Encrypt and decrypt age v1 files (compatible with age and rage).",
      subcommands: [Encrypt.self, Decrypt.self])
  }
}

extension Tack.Secrets.AgeFiles {
  struct Encrypt: TackCommand {
    static let configuration = CommandConfiguration(
      abstract: "Encrypt a file to age recipients, streaming (constant memory).")

    @Argument(help: "The file to encrypt (default: stdin).")
    var input: String?

    @Option(name: [.short, .long], help: "An age recipient (age1…, or post-quantum age1pq1…); may be repeated.")
    var recipient: [String] = []

    @Option(name: [.customShort("R"), .long], help: "A file of recipients, one per line; may be repeated.")
    var recipientsFile: [String] = []

    @Option(name: [.short, .long], help: "Encrypt to the recipient of this identity file; may be repeated.")
    var identity: [String] = []

    @Flag(name: [.short, .customLong("armor")], help: "Write PEM-armored text instead of binary.")
    var armor = false

    @Option(name: [.short, .long], help: "Write to this file (atomically) instead of stdout.")
    var output: String?

    func validate() throws {
      if recipient.isEmpty, recipientsFile.isEmpty, identity.isEmpty {
        throw ValidationError("no recipients: pass -r age1…, -R FILE or -i IDENTITY_FILE")
      }
    }

    func execute(context: CommandContext) async throws {
      var recipients: [any AgeRecipient] = []
      for text in recipient { recipients.append(try AgeKeys.recipient(text)) }
      for file in recipientsFile {
        recipients += try AgeKeyFile.recipients(in: SecretsFiles.readText(file), source: file)
      }
      for file in identity {
        recipients += try AgeKeyFile.identities(in: SecretsFiles.readText(file), source: file).map(\.anyRecipient)
      }
      if output == nil || output == "-", !armor, context.console.style.stdoutIsTerminal {
        throw CommandError("refusing to write binary ciphertext to a terminal; use -a/--armor or -o FILE", exitStatus: .usage)
      }
      let chosen = recipients
      let armored = armor
      try await AgeStreaming.run(
        input: input, output: output, permissions: .preserving(default: 0o644), temporaryFiles: context.temporaryFiles
      ) { reader, writer in
        try Age.encrypt(from: reader, to: writer, recipients: chosen, armored: armored)
      }
    }
  }

  struct Decrypt: TackCommand {
    static let configuration = CommandConfiguration(
      abstract: "Decrypt an age file (binary or armored), streaming (constant memory).")

    @Argument(help: "The file to decrypt (default: stdin).")
    var input: String?

    @Option(name: [.short, .long], help: "An identity file (AGE-SECRET-KEY-1… lines); may be repeated.")
    var identity: [String] = []

    @Option(name: [.short, .long], help: "Write to this file (atomically, mode 0600) instead of stdout.")
    var output: String?

    func validate() throws {
      if identity.isEmpty { throw ValidationError("no identities: pass -i FILE (an age-keygen key file)") }
    }

    func execute(context: CommandContext) async throws {
      var identities: [any AgeIdentity] = []
      for file in identity {
        identities += try AgeKeyFile.identities(in: SecretsFiles.readText(file), source: file) as [any AgeIdentity]
      }
      let chosen = identities
      let name = input.map(SecretsFiles.displayName) ?? "stdin"
      do {
        try await AgeStreaming.run(
          input: input, output: output, permissions: .exactly(0o600), temporaryFiles: context.temporaryFiles
        ) { reader, writer in
          try Age.decrypt(from: reader, to: writer, identities: chosen)
        }
      } catch let error as AgeError {
        throw error.from(name)
      }
    }
  }
}

/// Streams a file (or stdin) through an age operation into a file (or stdout). A file output is
/// written under a temporary name and renamed only after the last chunk authenticated, and only
/// if the command was not interrupted meanwhile; otherwise the temporary file is removed.
enum AgeStreaming {
  static func run(
    input: String?, output: String?, permissions: AtomicFile.Permissions, temporaryFiles: TemporaryFiles,
    _ body: @escaping @Sendable (ByteReader, ByteWriter) throws -> Void
  ) async throws {
    MallocTuning.keepHeapSlack()
    let written = try await Blocking.run { () -> UncommittedFile? in
      var descriptor: Int32 = 0
      var name = "stdin"
      if let input, input != "-" {
        descriptor = try SecretsFiles.openForReading(input)
        name = input
      }
      defer { if descriptor != 0 { close(descriptor) } }
      let reader = FileDescriptorReader(descriptor: descriptor, name: name)
      if let output, output != "-" {
        let file = try AtomicFile(destination: output, permissions: permissions, registry: temporaryFiles)
        do {
          try body(reader, FileDescriptorWriter(descriptor: file.descriptor, name: file.destination))
        } catch {
          file.abandon()
          throw error
        }
        return UncommittedFile(file: file)
      }
      try body(reader, FileDescriptorWriter(descriptor: 1, name: "stdout"))
      return nil
    }
    guard let written else { return }
    // Ctrl-C while streaming: the user asked for nothing to be left behind.
    if Task.isCancelled {
      written.file.abandon()
      throw CancellationError()
    }
    try written.file.commit(durable: false)
  }

  /// An `AtomicFile` handed from the blocking queue back to the task; only one side touches it at a time.
  struct UncommittedFile: @unchecked Sendable {
    let file: AtomicFile
  }
}

/// glibc's `mallopt`, looked up at run time (`<malloc.h>` is not part of the Glibc module).
enum MallocTuning {
  /// Each 64 KiB chunk goes through a few short-lived buffers inside swift-crypto. With glibc's
  /// default trim threshold every free hands the heap top back to the kernel and the next chunk
  /// faults it in again: a third of the run time of `age encrypt`, measured. Keep 4 MiB of slack.
  static func keepHeapSlack() {
    #if canImport(Glibc)
      typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
      let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
      let trimThreshold: Int32 = -1  // M_TRIM_THRESHOLD
      _ = mallopt(trimThreshold, 4 << 20)
    #endif
  }
}
