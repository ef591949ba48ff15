import Synchronization
import TackBase

/// Collects what a use case reports, as the plain stderr lines a pipe would see.
final class RecordingProgress: ProgressReporter {
  private let storage = Mutex<[String]>([])
  private let details = Mutex<[String]>([])

  func log(_ symbol: LogSymbol, _ message: String) {
    storage.withLock { $0.append("\(symbol.rawValue) \(message)") }
  }
  func note(_ message: String) { storage.withLock { $0.append(message) } }
  func beginWait(_ message: String) { log(.waiting, message) }
  func updateWait(_ detail: String) { details.withLock { $0.append(detail) } }
  func endWait() {}

  var lines: [String] { storage.withLock { $0 } }
  var text: String { lines.map { $0 + "\n" }.joined() }
  var waitDetails: [String] { details.withLock { $0 } }
}
