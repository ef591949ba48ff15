import Testing

@testable import TackSecrets

/// Found by the sops-yaml fuzz target (`#a\n! 8: `): a key read plain under a tag is a string, but the
/// writer wrote it plain, so the file it wrote (an encrypted or decrypted one) read back as a number
/// key and was refused.
@Suite struct SopsWriterKeyTests {
  @Test(arguments: [("!!str 8: x\n", "8"), ("! 8: x\n", "8"), ("!!str true: x\n", "true"), ("!!str null: x\n", "null")])
  func taggedKeysAreWrittenSoTheyReadBackAsStrings(_ text: String, _ key: String) throws {
    let file = try SopsFile.parse(text, format: .yaml)
    let written = file.serialized()
    let again = try SopsFile.parse(written, format: .yaml)
    #expect(again.documents.first?[key]?.stringValue == "x", "\(written)")
  }
}
