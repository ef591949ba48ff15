#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import Dispatch
import Synchronization
import TackBase

/// What the terminal tells a full-screen view: keys as they are typed, and resizes.
public enum TerminalEvent: Sendable, Equatable {
  case key(Key)
  case resize(columns: Int, rows: Int)
}

/// Keys from the terminal's input and SIGWINCH, as one stream. The keys are read on a dedicated
/// thread (a blocking read must not sit on Swift's cooperative pool) that polls in 250 ms slices
/// so it notices `stop()`; a lone ESC becomes the Escape key after 40 ms without a follower.
/// Resizes are debounced (40 ms) so dragging a window edge repaints once, not at every size.
public final class TerminalInput: Sendable {
  let terminal: RawTerminal
  private let stopped = Atomic<Bool>(false)
  private let resizeSource = Mutex<SignalSource?>(nil)
  private let resizeGeneration = Atomic<Int>(0)

  /// Dispatch sources are thread-safe; the box only lets one cross into the lock.
  struct SignalSource: @unchecked Sendable {
    let source: any DispatchSourceSignal
  }

  public init(terminal: RawTerminal) { self.terminal = terminal }

  public func events() -> AsyncStream<TerminalEvent> {
    let (stream, continuation) = AsyncStream.makeStream(of: TerminalEvent.self, bufferingPolicy: .unbounded)
    let input = terminal.input
    DedicatedThread.start(name: "tack.ui.input") { [self] in
      var decoder = KeyDecoder()
      var buffer = [UInt8](repeating: 0, count: 1024)
      while !self.stopped.load(ordering: .relaxed) {
        var descriptor = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, decoder.isWaiting ? 40 : 250)
        if ready == 0 {
          for key in decoder.flushEscape() { continuation.yield(.key(key)) }
          continue
        }
        if ready < 0 {
          if errno == EINTR { continue }
          break
        }
        let n = read(input, &buffer, buffer.count)
        if n <= 0 {
          if n < 0, errno == EINTR || errno == EAGAIN { continue }
          break
        }
        for key in decoder.feed(buffer[0..<n]) { continuation.yield(.key(key)) }
      }
      continuation.finish()
    }
    signal(SIGWINCH, SIG_IGN)
    let queue = DispatchQueue(label: "tack.ui.resize")
    let source = DispatchSource.makeSignalSource(signal: SIGWINCH, queue: queue)
    source.setEventHandler { [self] in
      // Debounce: only the last signal of a burst reads the size.
      let generation = resizeGeneration.add(1, ordering: .relaxed).newValue
      queue.asyncAfter(deadline: .now() + .milliseconds(40)) { [self] in
        guard resizeGeneration.load(ordering: .relaxed) == generation else { return }
        let size = terminal.size()
        continuation.yield(.resize(columns: size.columns, rows: size.rows))
      }
    }
    source.resume()
    // Held here: a dispatch source only a local refers to is released and stops delivering.
    resizeSource.withLock { $0 = SignalSource(source: source) }
    return stream
  }

  /// Ends the reader (within one poll slice) and the resize source.
  public func stop() {
    stopped.store(true, ordering: .relaxed)
    resizeSource.withLock { source in
      source?.source.cancel()
      source = nil
    }
  }
}
