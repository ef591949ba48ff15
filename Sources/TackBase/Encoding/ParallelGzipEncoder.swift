#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import CZlib
import Dispatch
import Synchronization

/// Gzip on every core, as pigz does: the input is cut into 1 MiB blocks, each compressed by its own
/// raw DEFLATE stream primed with the previous block's last 32 KiB (so the ratio stays close to a
/// single stream), ended with a sync flush (byte-aligned, not final) and concatenated: one valid
/// gzip member. Block boundaries depend only on the input, so the bytes are the same on every run
/// and machine. The header matches Go's `compress/gzip` (MTIME 0, XFL 0, OS 255), like `GzipEncoder`.
///
/// ```swift
/// let gzip = ParallelGzipEncoder { try file.write($0) }
/// try gzip.write(tarChunk)   // as often as needed
/// try gzip.finish()
/// ```
public final class ParallelGzipEncoder {
  public static let blockSize = 1 << 20
  private static let window = 32 * 1024

  private let level: Int32
  private let sink: ([UInt8]) throws -> Void
  /// Blocks compressed together; more than the cores so a slow block does not idle the others.
  private let batchSize: Int
  private var current: [UInt8] = []
  private var batch: [[UInt8]] = []
  /// The last 32 KiB of the block before the batch: the first block's dictionary.
  private var dictionary: [UInt8] = []
  private var crc: UInt = crc32(0, nil, 0)
  private var length: UInt32 = 0
  private var started = false
  private var finished = false

  public init(level: Int32 = 6, sink: @escaping ([UInt8]) throws -> Void) {
    self.level = level
    self.sink = sink
    batchSize = max(2, 2 * System.activeProcessorCount)
    current.reserveCapacity(Self.blockSize)
  }

  public func write(_ bytes: [UInt8]) throws {
    if !started {
      started = true
      try sink([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255])
    }
    bytes.withUnsafeBufferPointer { buffer in
      if let base = buffer.baseAddress, !buffer.isEmpty { crc = crc32(crc, base, UInt32(buffer.count)) }
    }
    length &+= UInt32(truncatingIfNeeded: bytes.count)
    var index = 0
    while index < bytes.count {
      let take = min(Self.blockSize - current.count, bytes.count - index)
      current += bytes[index..<index + take]
      index += take
      if current.count == Self.blockSize {
        batch.append(current)
        current.removeAll(keepingCapacity: true)
        if batch.count == batchSize { try flush(final: false) }
      }
    }
  }

  public func finish() throws {
    guard !finished else { return }
    if !started { try write([]) }
    finished = true
    if !current.isEmpty { batch.append(current) }
    current = []
    try flush(final: true)
    let crc = UInt32(truncatingIfNeeded: crc)
    try sink([
      UInt8(crc & 0xff), UInt8((crc >> 8) & 0xff), UInt8((crc >> 16) & 0xff), UInt8(crc >> 24),
      UInt8(length & 0xff), UInt8((length >> 8) & 0xff), UInt8((length >> 16) & 0xff), UInt8(length >> 24),
    ])
  }

  /// Compresses the batch on all cores and writes the pieces in order. With `final`, the last
  /// piece ends the DEFLATE stream (an empty final block when the batch is empty).
  private func flush(final: Bool) throws {
    let blocks = batch
    batch.removeAll(keepingCapacity: true)
    if blocks.isEmpty {
      if final { try sink(try Self.compress([], dictionary: [], level: level, final: true)) }
      return
    }
    let dictionaries = [dictionary] + blocks.dropLast().map { Array($0.suffix(Self.window)) }
    let results = ResultSlots(count: blocks.count)
    let level = level
    DispatchQueue.concurrentPerform(iterations: blocks.count) { index in
      let isLast = final && index == blocks.count - 1
      do throws(Inflate.Failure) {
        results.set(index, .success(try Self.compress(blocks[index], dictionary: dictionaries[index], level: level, final: isLast)))
      } catch {
        results.set(index, .failure(error))
      }
    }
    for result in results.all { try sink(try result.get()) }
    dictionary = Array(blocks[blocks.count - 1].suffix(Self.window))
  }

  private static func compress(_ block: [UInt8], dictionary: [UInt8], level: Int32, final: Bool) throws(Inflate.Failure)
    -> [UInt8]
  {
    let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    stream.initialize(to: z_stream())
    defer {
      deflateEnd(stream)
      stream.deinitialize(count: 1)
      stream.deallocate()
    }
    var rc = tack_zlib_deflateInit2(stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY)
    guard rc == Z_OK else { throw Inflate.Failure(code: rc) }
    if !dictionary.isEmpty {
      rc = dictionary.withUnsafeBufferPointer { deflateSetDictionary(stream, $0.baseAddress, UInt32($0.count)) }
      guard rc == Z_OK else { throw Inflate.Failure(code: rc) }
    }
    var output = [UInt8](repeating: 0, count: Int(deflateBound(stream, UInt(block.count))) + 64)
    let flush = final ? Z_FINISH : Z_SYNC_FLUSH
    var produced = 0
    block.withUnsafeBufferPointer { input in
      stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
      stream.pointee.avail_in = UInt32(input.count)
      output.withUnsafeMutableBufferPointer { out in
        stream.pointee.next_out = out.baseAddress
        stream.pointee.avail_out = UInt32(out.count)
        rc = deflate(stream, flush)
        produced = out.count - Int(stream.pointee.avail_out)
      }
      stream.pointee.next_in = nil
      stream.pointee.next_out = nil
    }
    // deflateBound leaves room for the whole block, so one call finishes it.
    guard final ? rc == Z_STREAM_END : (rc == Z_OK && stream.pointee.avail_in == 0) else {
      throw Inflate.Failure(code: rc)
    }
    output.removeSubrange(produced...)
    return output
  }
}

/// One result per block, filled from the worker threads.
private final class ResultSlots: Sendable {
  private let slots: Mutex<[Result<[UInt8], Inflate.Failure>?]>
  init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }
  func set(_ index: Int, _ result: Result<[UInt8], Inflate.Failure>) { slots.withLock { $0[index] = result } }
  var all: [Result<[UInt8], Inflate.Failure>] { slots.withLock { $0.map { $0! } } }
}

/// The processors the scheduler gives this process.
enum System {
  static var activeProcessorCount: Int {
    max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
  }
}
