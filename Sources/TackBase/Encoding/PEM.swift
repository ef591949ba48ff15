/// PEM blocks read the forgiving way Go's `encoding/pem` and OpenSSH read them, which is what
/// kubeconfig `*-data` fields and private key files need: lines of any width (OpenSSH writes 70
/// columns, RFC 7468 says 64), indented lines, CRLF, and RFC 1421 headers (`Proc-Type`, `DEK-Info`)
/// on legacy encrypted keys. SwiftASN1's `PEMDocument` reads the strict RFC 7468 form and refuses all
/// of these, so it serves where tack reads or writes its own strict PEM (certificates, re-armoured
/// keys) and this reader where files come from other tools.
///
/// ```swift
/// let blocks = try PEM.blocks(in: "-----BEGIN CERTIFICATE-----\nMAMCAQA=\n-----END CERTIFICATE-----\n")
/// blocks[0].label   // "CERTIFICATE"
/// blocks[0].bytes   // [0x30, 0x03, 0x02, 0x01, 0x00]
/// ```
public enum PEM {
  public struct Block: Sendable, Equatable {
    /// The type between `BEGIN` and the dashes, e.g. `CERTIFICATE`, `RSA PRIVATE KEY`.
    public var label: String
    /// `Name: value` lines before the body; only legacy encrypted keys carry them.
    public var headers: [String: String]
    /// The body, base64-decoded (the `.lenient` grammar).
    public var bytes: [UInt8]
  }

  /// Why a text holds no readable PEM.
  public enum Problem: Error, Equatable, Sendable {
    case noBlocks
    case badBase64(label: String)
    case missingEnd(label: String)
  }

  /// Every block in `text`, in order. Text outside blocks is ignored; a `BEGIN` inside a block starts
  /// it again, and any `END` line closes it.
  public static func blocks(in text: some StringProtocol) throws(Problem) -> [Block] {
    var blocks: [Block] = []
    var open: (label: String, headers: [String: String], body: String)?
    for rawLine in text.split(whereSeparator: \.isNewline) {
      let line = rawLine.trimmingWhitespace()
      if line.hasPrefix("-----BEGIN "), line.hasSuffix("-----") {
        open = (String(line.dropFirst("-----BEGIN ".count).dropLast(5)), [:], "")
      } else if line.hasPrefix("-----END "), let block = open {
        guard let bytes = Base64.decode(block.body, grammar: .lenient) else {
          throw .badBase64(label: block.label)
        }
        blocks.append(Block(label: block.label, headers: block.headers, bytes: bytes))
        open = nil
      } else if open != nil {
        // Base64 has no colon, so a line with one is a header.
        if let colon = line.firstIndex(of: ":") {
          open?.headers[String(line[..<colon])] = line[line.index(after: colon)...].trimmingWhitespace()
        } else {
          open?.body += line
        }
      }
    }
    if let open { throw .missingEnd(label: open.label) }
    guard !blocks.isEmpty else { throw .noBlocks }
    return blocks
  }
}
