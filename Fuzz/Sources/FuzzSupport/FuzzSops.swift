import TackSecrets

/// Shared by the SOPS YAML and JSON targets: parse, then decrypt with the sample identity. What the
/// writer emits for a parsed file must read back, and writing that again must give the same text.
public enum FuzzSops {
  public static func run(_ data: UnsafePointer<UInt8>?, _ size: Int, format: SopsFormat) {
    let text = FuzzInput.text(data, size)
    guard let file = try? SopsFile.parse(text, format: format) else { return }
    let written = file.serialized()
    guard var again = try? SopsFile.parse(written, format: format) else {
      fatalError("the SOPS writer's \(format) output does not parse")
    }
    // The writer may restyle (quote a plain key holding `:`), so the documents can differ in style;
    // written again at the same indentation, the text must not change any more. (The indentation is
    // re-detected on reading and can differ after an explicit `? key`: FUZZING.md, finding 7.)
    again.yamlIndent = file.yamlIndent
    again.jsonIndent = file.jsonIndent
    precondition(again.serialized() == written, "the SOPS \(format) writer is not stable over a round trip")
    _ = try? Sops.decrypt(file, identities: FuzzInput.identities)
  }
}
