import Synchronization
import Testing

@testable import TackHTTP

@Suite struct StreamBufferTests {
  @Test func pausesWhenFullAndResumesWhenDrained() async throws {
    final class Counter: @unchecked Sendable {
      let resumes = Synchronization.Mutex(0)
    }
    let counter = Counter()
    let buffer = StreamBuffer(limit: 10, resume: { counter.resumes.withLock { $0 += 1 } }, stop: {})
    #expect(buffer.offer(Array(repeating: 1, count: 6)))
    #expect(buffer.offer(Array(repeating: 2, count: 6)))
    // 12 bytes buffered ≥ limit: the producer must pause and keep these bytes.
    #expect(!buffer.offer(Array(repeating: 3, count: 6)))
    #expect(try await buffer.next() == Array(repeating: 1, count: 6))
    // 6 left > limit/2: still paused.
    #expect(counter.resumes.withLock { $0 } == 0)
    #expect(try await buffer.next() == Array(repeating: 2, count: 6))
    #expect(counter.resumes.withLock { $0 } == 1)
    #expect(buffer.offer(Array(repeating: 3, count: 6)))
    buffer.finish(nil)
    #expect(try await buffer.next() == Array(repeating: 3, count: 6))
    #expect(try await buffer.next() == nil)
  }
}

import Synchronization
