import TackSecrets

/// Shared by the SOPS YAML and JSON targets: parse, then decrypt with the sample identity. What the
/// writer emits for a parsed file must read back as the same file (a decrypt or encrypt writes it).
public enum FuzzSops {
  public static func run(_ data: UnsafePointer<UInt8>?, _ size: Int, format: SopsFormat) {
    let text = FuzzInput.text(data, size)
    guard let file = try? SopsFile.parse(text, format: format) else { return }
    let written = file.serialized()
    guard let again = try? SopsFile.parse(written, format: format) else {
      fatalError("the SOPS writer's \(format) output does not parse")
    }
    precondition(again.documents == file.documents, "the SOPS \(format) round trip changed the documents")
    _ = try? Sops.decrypt(file, identities: FuzzInput.identities)
  }
}
