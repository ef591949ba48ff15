import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Compares text with a golden file under `Tests/TackCoreTests/Canary/Fixtures/`; `TACK_RECORD=1`
/// rewrites it. A mismatch shows the first differing lines.
enum Golden {
  static let directory: String = {
    var path = #filePath
    for _ in 0..<2 { path = String(path[..<path.lastIndex(of: "/")!]) }
    return path + "/Fixtures/"
  }()

  static func assert(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let path = directory + name
    if let record = getenv("TACK_RECORD"), String(cString: record) == "1" {
      write(path, actual)
      return
    }
    guard let expected = read(path) else {
      Issue.record("golden file \(name) is missing; run with TACK_RECORD=1 to create it", sourceLocation: sourceLocation)
      return
    }
    if expected != actual {
      Issue.record("golden \(name) differs:\n\(diff(expected, actual))\n(TACK_RECORD=1 re-records)", sourceLocation: sourceLocation)
    }
  }

  static func diff(_ expected: String, _ actual: String) -> String {
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var out: [String] = []
    for i in 0..<max(e.count, a.count) {
      let el = i < e.count ? String(e[i]) : nil
      let al = i < a.count ? String(a[i]) : nil
      if el != al {
        if let el { out.append("-\(i + 1): \(el)") }
        if let al { out.append("+\(i + 1): \(al)") }
      }
      if out.count > 30 { break }
    }
    return out.joined(separator: "\n")
  }

  static func read(_ path: String) -> String? {
    guard let file = fopen(path, "r") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let n = fread(&buffer, 1, buffer.count, file)
      if n <= 0 { break }
      bytes.append(contentsOf: buffer[0..<n])
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  static func write(_ path: String, _ text: String) {
    guard let file = fopen(path, "w") else { return }
    defer { fclose(file) }
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
  }
}
