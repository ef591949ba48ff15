import TackBase
import Testing

@testable import TackTestSupport

/// zlib's inflate through CZlib, against the test server's own gzip (also zlib) and a known
/// zlib stream.
@Suite struct InflateTests {
  @Test func gzipRoundTrip() throws {
    let text = Array(String(repeating: "kustomization ", count: 5000).utf8)
    let compressed = try #require(ResponseCompression.gzip(text))
    #expect(compressed.count < text.count / 10)
    #expect(try Inflate.gzip(compressed) == text)
  }

  @Test func zlibStream() throws {
    // `printf hello | python3 -c 'import sys,zlib; sys.stdout.buffer.write(zlib.compress(sys.stdin.buffer.read()))'`
    let stream: [UInt8] = [0x78, 0x9C, 0xCB, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00, 0x06, 0x2C, 0x02, 0x15]
    #expect(try Inflate.zlib(stream) == Array("hello".utf8))
  }

  @Test func truncatedOrForeignInputFails() throws {
    let compressed = try #require(ResponseCompression.gzip(Array(String(repeating: "x", count: 1000).utf8)))
    #expect(throws: Inflate.Failure.self) { try Inflate.gzip(Array(compressed.dropLast(12))) }
    #expect(throws: Inflate.Failure.self) { try Inflate.zlib(Array("not compressed".utf8)) }
  }

  @Test func aBombStopsAtItsLimit() throws {
    // 64 MiB of zeros compress to about 64 KiB: past the limit, inflating stops with an error.
    let compressed = try #require(ResponseCompression.gzip([UInt8](repeating: 0, count: 64 << 20)))
    #expect(compressed.count < 1 << 20)
    let error = #expect(throws: Inflate.Failure.self) { try Inflate.gzip(compressed, limit: 1 << 20) }
    #expect(error?.code == Inflate.tooLarge)
    #expect(try Inflate.gzip(compressed).count == 64 << 20)
  }
}
