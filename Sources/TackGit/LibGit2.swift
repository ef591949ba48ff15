import CGit2
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What libgit2 reported for a failed call: its return code, error class and message. Read at once
/// after the call (the message is thread-local; there is never an `await` in between).
struct LibGit2Failure: Sendable, Equatable {
  var code: Int32
  var errorClass: Int32
  var message: String

  static func last(_ code: Int32) -> LibGit2Failure {
    guard let error = git_error_last() else {
      return LibGit2Failure(code: code, errorClass: 0, message: "libgit2 error \(code)")
    }
    let message = error.pointee.message.map { String(cString: $0) } ?? "libgit2 error \(code)"
    return LibGit2Failure(code: code, errorClass: error.pointee.klass, message: message)
  }
}

/// Owns one libgit2 object and frees it exactly once. Not Sendable: a handle never leaves the
/// serial executor it was created on.
final class GitHandle {
  let pointer: OpaquePointer
  private let free: (OpaquePointer) -> Void

  init(_ pointer: OpaquePointer, free: @escaping (OpaquePointer) -> Void) {
    self.pointer = pointer
    self.free = free
  }

  deinit { free(pointer) }
}

/// A libgit2 object id as 40 hex digits.
public struct GitObjectID: Hashable, Sendable, CustomStringConvertible {
  public let hex: String
  public var description: String { hex }
  /// The short form flux prints (`✔ committed … ("<sha>")` shows the full id; logs often show 7).
  public var short: String { String(hex.prefix(7)) }

  init(_ oid: git_oid) {
    var copy = oid
    var buffer = [CChar](repeating: 0, count: 41)
    _ = git_oid_tostr(&buffer, 41, &copy)
    hex = String(decoding: buffer.prefix(40).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  public init?(hex: String) {
    guard hex.count == 40, hex.allSatisfy(\.isHexDigit) else { return nil }
    self.hex = hex.lowercased()
  }

  var oid: git_oid {
    var oid = git_oid()
    _ = git_oid_fromstr(&oid, hex)
    return oid
  }
}

/// Calls `body` with a `git_strarray` over `strings`; the C strings live only during the call.
func withStrArray<R>(_ strings: [String], _ body: (inout git_strarray) throws -> R) rethrows -> R {
  let pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
  defer { pointers.forEach { free($0) } }
  var mutablePointers = pointers
  return try mutablePointers.withUnsafeMutableBufferPointer { buffer in
    var array = git_strarray(strings: buffer.baseAddress, count: strings.count)
    return try body(&array)
  }
}

extension git_strarray {
  /// Copies the strings out (the array itself stays owned by the caller).
  var swiftStrings: [String] {
    (0..<count).compactMap { index in strings?[index].map { String(cString: $0) } }
  }
}
