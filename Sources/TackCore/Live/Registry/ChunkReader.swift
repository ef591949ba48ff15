#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a file in bounded pieces for chunked uploads; the descriptor closes with the reader.
final class ChunkReader {
  let path: String
  private let fd: Int32

  init(path: String) throws(OCIError) {
    self.path = path
    fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
  }

  deinit { close(fd) }

  /// Up to `max` bytes; empty at the end of the file.
  func next(max: Int) throws(OCIError) -> [UInt8] {
    var buffer = [UInt8](repeating: 0, count: max)
    var filled = 0
    while filled < max {
      let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, max - filled) }
      if count < 0 {
        if errno == EINTR { continue }
        throw .io(path: path, reason: String(cString: strerror(errno)))
      }
      if count == 0 { break }
      filled += count
    }
    return Array(buffer[..<filled])
  }
}
