import Synchronization

/// Buffers a streamed body between the curl thread (producer) and the consuming task. When more than
/// `limit` bytes wait, the producer is told to pause the transfer; the consumer resumes it once it
/// has drained half.
final class StreamBuffer: ResponseBodySource {
  private struct State {
    var chunks: [[UInt8]] = []
    var head = 0
    var bytes = 0
    var paused = false
    var ended = false
    var error: (any Error)?
    var waiter: CheckedContinuation<[UInt8]?, any Error>?
  }

  private let state = Mutex(State())
  private let limit: Int
  private let resume: @Sendable () -> Void
  private let stop: @Sendable () -> Void

  init(limit: Int, resume: @escaping @Sendable () -> Void, stop: @escaping @Sendable () -> Void) {
    self.limit = limit
    self.resume = resume
    self.stop = stop
  }

  /// Producer: false means "pause and hand me these bytes again later".
  func offer(_ chunk: [UInt8]) -> Bool {
    let waiter = state.withLock { state -> CheckedContinuation<[UInt8]?, any Error>? in
      if let waiter = state.waiter {
        state.waiter = nil
        return waiter
      }
      if state.bytes >= limit {
        state.paused = true
        return nil
      }
      state.chunks.append(chunk)
      state.bytes += chunk.count
      return nil
    }
    if let waiter {
      waiter.resume(returning: chunk)
      return true
    }
    return !state.withLock { $0.paused }
  }

  /// Producer: the body ended (nil) or failed.
  func finish(_ error: (any Error)?) {
    let waiter = state.withLock { state -> CheckedContinuation<[UInt8]?, any Error>? in
      guard !state.ended else { return nil }
      state.ended = true
      state.error = error
      let waiter = state.waiter
      state.waiter = nil
      return waiter
    }
    if let waiter {
      if let error { waiter.resume(throwing: error) } else { waiter.resume(returning: nil) }
    }
  }

  func next() async throws -> [UInt8]? {
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<[UInt8]?, any Error>) in
        enum Outcome {
          case chunk([UInt8], resume: Bool)
          case end((any Error)?)
          case wait
        }
        let outcome = state.withLock { state -> Outcome in
          if state.head < state.chunks.count {
            let chunk = state.chunks[state.head]
            state.head += 1
            state.bytes -= chunk.count
            if state.head > 64, state.head * 2 > state.chunks.count {
              state.chunks.removeFirst(state.head)
              state.head = 0
            }
            var wake = false
            if state.paused, state.bytes <= limit / 2 {
              state.paused = false
              wake = true
            }
            return .chunk(chunk, resume: wake)
          }
          if state.ended { return .end(state.error) }
          if state.paused {
            state.paused = false
            state.waiter = continuation
            return .chunk([], resume: true)
          }
          state.waiter = continuation
          return .wait
        }
        switch outcome {
        case .chunk(let chunk, let wake):
          if wake { resume() }
          if !chunk.isEmpty || !wake { continuation.resume(returning: chunk) }
        case .end(let error):
          if let error { continuation.resume(throwing: error) } else { continuation.resume(returning: nil) }
        case .wait:
          break
        }
      }
    } onCancel: {
      finish(CancellationError())
      stop()
    }
  }

  func cancel() {
    finish(CancellationError())
    stop()
  }
}
