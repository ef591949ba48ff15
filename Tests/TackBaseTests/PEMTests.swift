import TackBase
import Testing

/// The forgiving PEM reader: what Go and OpenSSH accept, not only RFC 7468's strict form.
@Suite struct PEMTests {
  @Test func readsEveryBlockInOrder() throws {
    let text = "junk before\n-----BEGIN CERTIFICATE-----\nMAMCAQA=\n-----END CERTIFICATE-----\n"
      + "-----BEGIN PRIVATE KEY-----\r\n  MAMC\r\n  AQE=\r\n-----END PRIVATE KEY-----\r\n"
    let blocks = try PEM.blocks(in: text)
    #expect(blocks.map(\.label) == ["CERTIFICATE", "PRIVATE KEY"])
    #expect(blocks[0].bytes == [0x30, 0x03, 0x02, 0x01, 0x00])
    #expect(blocks[1].bytes == [0x30, 0x03, 0x02, 0x01, 0x01])
  }

  @Test func acceptsLinesOfAnyWidth() throws {
    let bytes = (0..<200).map { UInt8($0) }
    let body = Base64.encode(bytes)
    var lines: [String] = []
    var rest = Substring(body)
    while !rest.isEmpty {
      lines.append(String(rest.prefix(70)))
      rest = rest.dropFirst(70)
    }
    let text = "-----BEGIN OPENSSH PRIVATE KEY-----\n" + lines.joined(separator: "\n") + "\n-----END OPENSSH PRIVATE KEY-----\n"
    #expect(try PEM.blocks(in: text).first?.bytes == bytes)
  }

  @Test func keepsHeadersApart() throws {
    let text = """
      -----BEGIN RSA PRIVATE KEY-----
      Proc-Type: 4,ENCRYPTED
      DEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF

      MAMCAQA=
      -----END RSA PRIVATE KEY-----
      """
    let block = try #require(try PEM.blocks(in: text).first)
    #expect(block.headers == ["Proc-Type": "4,ENCRYPTED", "DEK-Info": "AES-128-CBC,00112233445566778899AABBCCDDEEFF"])
    #expect(block.bytes == [0x30, 0x03, 0x02, 0x01, 0x00])
  }

  @Test func namesWhatIsWrong() {
    #expect(throws: PEM.Problem.noBlocks) { try PEM.blocks(in: "no pem here") }
    #expect(throws: PEM.Problem.missingEnd(label: "CERTIFICATE")) {
      try PEM.blocks(in: "-----BEGIN CERTIFICATE-----\nMAMCAQA=\n")
    }
    #expect(throws: PEM.Problem.badBase64(label: "CERTIFICATE")) {
      try PEM.blocks(in: "-----BEGIN CERTIFICATE-----\nnot*base64\n-----END CERTIFICATE-----\n")
    }
  }
}
