import Foundation
import TackBase
import TackTestSupport
import Testing

@testable import TackCore

/// The tar bytes of `build artifact`, checked field by field against Go's `archive/tar` layout as
/// `fluxcd/pkg/tar` drives it.
@Suite struct ArtifactTarballTests {
  /// A tree with a nested file, an executable, a symbolic link, an image and a `.git` directory.
  static func sampleTree() throws -> TemporaryDirectory {
    let dir = try TemporaryDirectory(prefix: "tack-tar")
    let fm = FileManager.default
    try fm.createDirectory(atPath: dir.file("b-dir/inner"), withIntermediateDirectories: true)
    try fm.createDirectory(atPath: dir.file(".git"), withIntermediateDirectories: true)
    _ = try dir.write(".git/HEAD", contents: "ref: main\n")
    _ = try dir.write("b-dir/inner/app.yaml", contents: "kind: ConfigMap\n", permissions: 0o644)
    _ = try dir.write("a.sh", contents: "echo\n", permissions: 0o755)
    _ = try dir.write("B.txt", contents: "upper\n", permissions: 0o600)
    _ = try dir.write("logo.png", contents: "png", permissions: 0o644)
    try fm.createSymbolicLink(atPath: dir.file("link.yaml"), withDestinationPath: "a.sh")
    chmod(dir.path, 0o755)
    chmod(dir.file("b-dir"), 0o750)
    chmod(dir.file("b-dir/inner"), 0o755)
    return dir
  }

  static func tarBytes(_ tarball: ArtifactTarball) throws -> [UInt8] {
    var bytes: [UInt8] = []
    try tarball.write { bytes += $0 }
    return bytes
  }

  struct Entry: Equatable {
    var name: String
    var type: UInt8
    var mode: String
    var size: Int
    var header: [UInt8]
  }

  /// Reads headers back independently of the writer: USTAR fields at their offsets.
  static func entries(_ tar: [UInt8]) -> [Entry] {
    var result: [Entry] = []
    var offset = 0
    func field(_ block: ArraySlice<UInt8>, _ start: Int, _ width: Int) -> String {
      let slice = block[(block.startIndex + start)..<(block.startIndex + start + width)]
      return String(decoding: slice.prefix { $0 != 0 }, as: UTF8.self)
    }
    while offset + 512 <= tar.count {
      let block = tar[offset..<offset + 512]
      if block.allSatisfy({ $0 == 0 }) { break }
      let prefix = field(block, 345, 155)
      let name = (prefix.isEmpty ? "" : prefix + "/") + field(block, 0, 100)
      let size = Int(field(block, 124, 12), radix: 8) ?? -1
      result.append(Entry(name: name, type: block[block.startIndex + 156], mode: field(block, 100, 8), size: size, header: Array(block)))
      offset += 512 + (size + 511) / 512 * 512
    }
    return result
  }

  @Test func rootFirstThenByteOrderDepthFirstWithoutLinksAndIgnoredPaths() throws {
    let dir = try Self.sampleTree()
    defer { dir.remove() }
    let tar = try Self.tarBytes(ArtifactTarball(path: dir.path, ignorePaths: ArtifactTarball.defaultIgnorePaths))
    let entries = Self.entries(tar)
    #expect(entries.map(\.name) == [".", "B.txt", "a.sh", "b-dir", "b-dir/inner", "b-dir/inner/app.yaml"])
    #expect(entries.map(\.type) == [0x35, 0x30, 0x30, 0x35, 0x35, 0x30])
    #expect(entries.map(\.mode) == ["0000755", "0000600", "0000755", "0000750", "0000755", "0000644"])
    #expect(entries.map(\.size) == [0, 6, 5, 0, 0, 16])
    // Two zero blocks end the archive, with no padding to a 10 KiB record.
    #expect(tar.count == 6 * 512 + 3 * 512 + 1024)
    #expect(tar.suffix(1024).allSatisfy { $0 == 0 })
  }

  @Test func headersCarryZeroOwnersAndTimesAndGoChecksumLayout() throws {
    let dir = try Self.sampleTree()
    defer { dir.remove() }
    let tar = try Self.tarBytes(ArtifactTarball(path: dir.path, ignorePaths: []))
    let header = try #require(Self.entries(tar).first { $0.name == "a.sh" }).header
    func text(_ range: Range<Int>) -> [UInt8] { Array(header[range]) }
    #expect(text(108..<116) == Array("0000000\0".utf8))  // uid
    #expect(text(116..<124) == Array("0000000\0".utf8))  // gid
    #expect(text(124..<136) == Array("00000000005\0".utf8))
    #expect(text(136..<148) == Array("00000000000\0".utf8))  // mtime 0
    #expect(text(257..<265) == Array("ustar\000".utf8))
    #expect(text(265..<329).allSatisfy { $0 == 0 })  // uname, gname empty
    #expect(text(329..<345) == Array("0000000\00000000\0".utf8))  // devmajor, devminor
    #expect(header[155] == 0x20 && header[154] == 0)
    var blanked = header
    for index in 148..<156 { blanked[index] = 0x20 }
    let sum = blanked.reduce(0) { $0 + Int($1) }
    #expect(text(148..<154) == Array(String(format: "%06o", sum).utf8))
    // Without ignore patterns `.git` and the image are archived; the link never is.
    let names = Self.entries(tar).map(\.name)
    #expect(names.contains(".git/HEAD") && names.contains("logo.png") && !names.contains("link.yaml"))
  }

  @Test func ignorePathsReplaceTheDefaultsAndPruneDirectories() throws {
    let dir = try Self.sampleTree()
    defer { dir.remove() }
    let tar = try Self.tarBytes(ArtifactTarball(path: dir.path, ignorePaths: ["b-dir/", "*.sh"]))
    #expect(Self.entries(tar).map(\.name) == [".", ".git", ".git/HEAD", "B.txt", "logo.png"])
    let anchored = try Self.tarBytes(ArtifactTarball(path: dir.path, ignorePaths: ["/inner", ".git/", "*.png"]))
    #expect(Self.entries(anchored).map(\.name).contains("b-dir/inner"))
  }

  @Test func aSingleFileIsArchivedUnderARootOfMode0700() throws {
    let dir = try Self.sampleTree()
    defer { dir.remove() }
    let entries = Self.entries(try Self.tarBytes(ArtifactTarball(path: dir.file("a.sh"), ignorePaths: [])))
    #expect(entries.map(\.name) == [".", "a.sh"])
    #expect(entries.map(\.mode) == ["0000700", "0000755"])
  }

  @Test func longNamesSplitIntoPrefixAndNonASCIINamesUsePAX() throws {
    let long = TarHeader(name: String(repeating: "d", count: 60) + "/" + String(repeating: "f", count: 60), kind: .file, mode: 0o644, size: 0).encoded()
    #expect(long.count == 512)
    #expect(Array(long[0..<60]) == Array(String(repeating: "f", count: 60).utf8))
    #expect(Array(long[345..<405]) == Array(String(repeating: "d", count: 60).utf8))

    let unicode = TarHeader(name: "dir/héllo.yaml", kind: .file, mode: 0o644, size: 3).encoded()
    #expect(unicode.count == 3 * 512)
    #expect(unicode[156] == UInt8(ascii: "x"))
    #expect(String(decoding: unicode[0..<100].prefix { $0 != 0 }, as: UTF8.self) == "dir/PaxHeaders.0/héllo.yaml".filter(\.isASCII))
    #expect(String(decoding: unicode[512..<(512 + 24)], as: UTF8.self) == "24 path=dir/héllo.yaml\n")
    #expect(unicode[1024 + 156] == UInt8(ascii: "0"))
    // The length prefix grows from two digits to three, so the record is 101 bytes, as Go writes it.
    #expect(TarHeader.paxRecord(key: "path", value: String(repeating: "a", count: 91)) == Array(("101 path=" + String(repeating: "a", count: 91) + "\n").utf8))
  }

  @Test func layerIsGoStyleGzipOfTheTarWithBothDigests() throws {
    let dir = try Self.sampleTree()
    defer { dir.remove() }
    let out = try TemporaryDirectory(prefix: "tack-tgz")
    defer { out.remove() }
    let tarball = try ArtifactTarball(path: dir.path, ignorePaths: ArtifactTarball.defaultIgnorePaths)
    let layer = try ArtifactLayer.build(tarball, to: out.file("a.tgz"))
    let gz = try [UInt8](Data(contentsOf: URL(fileURLWithPath: out.file("a.tgz"))))
    #expect(Array(gz.prefix(10)) == [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255])
    let tar = try Self.tarBytes(tarball)
    #expect(try Inflate.gzip(gz) == tar)
    #expect(layer.size == gz.count)
    #expect(layer.digest == Digest.of(gz))
    #expect(layer.diffID == Digest.of(tar))
    var attributes = stat()
    stat(out.file("a.tgz"), &attributes)
    #expect(attributes.st_mode & 0o777 == 0o640)
    // Same tree, same bytes.
    let again = try ArtifactLayer.build(tarball, to: out.file("b.tgz"))
    #expect(again.digest == layer.digest)
  }

  @Test func gzipDecoderStreamsAcrossChunkBoundaries() throws {
    var plain: [UInt8] = []
    for index in 0..<300_000 { plain.append(UInt8(truncatingIfNeeded: index * 7 / 3)) }
    var compressed: [UInt8] = []
    let encoder = try GzipEncoder { compressed += $0 }
    try encoder.write(Array(plain[..<100_000]))
    try encoder.write(Array(plain[100_000...]))
    try encoder.finish()
    var decoded: [UInt8] = []
    let decoder = try GzipDecoder { decoded += $0 }
    var index = 0
    while index < compressed.count {
      try decoder.write(Array(compressed[index..<min(index + 777, compressed.count)]))
      index += 777
    }
    try decoder.finish()
    #expect(decoded == plain)
    let truncated = try GzipDecoder { _ in }
    try truncated.write(Array(compressed.dropLast(20)))
    #expect(throws: Inflate.Failure.self) { try truncated.finish() }
  }

  @Test(arguments: [0, 1, ParallelGzipEncoder.blockSize, 3 * ParallelGzipEncoder.blockSize + 12_345, 11 * ParallelGzipEncoder.blockSize])
  func parallelGzipIsOneValidMemberAndDeterministic(size: Int) throws {
    var plain = [UInt8](repeating: 0, count: size)
    var state: UInt32 = 12_345
    for index in 0..<size {
      state = state &* 1_103_515_245 &+ 12_345
      // Text-like: a small alphabet with runs, so blocks refer back across block boundaries.
      plain[index] = UInt8(ascii: "a") + UInt8((state >> 16) % 8)
    }
    func compress(_ pieces: Int) throws -> [UInt8] {
      var out: [UInt8] = []
      let gzip = ParallelGzipEncoder { out += $0 }
      let step = max(1, size / pieces)
      var index = 0
      repeat {
        try gzip.write(Array(plain[index..<min(size, index + step)]))
        index += step
      } while index < size
      try gzip.finish()
      return out
    }
    let once = try compress(1)
    #expect(Array(once.prefix(10)) == [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255])
    #expect(try Inflate.gzip(once) == plain)
    // Chunking of the input does not change the bytes.
    #expect(try compress(7) == once)
    var streamed: [UInt8] = []
    let decoder = try GzipDecoder { streamed += $0 }
    try decoder.write(once)
    try decoder.finish()
    #expect(streamed == plain)
  }
}
