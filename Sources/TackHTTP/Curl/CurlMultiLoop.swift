internal import CCurl
internal import CCurlShims
import Synchronization
import TackBase

/// Drives one curl multi handle on a dedicated thread, one per client. Transfers are added,
/// cancelled and resumed through a command queue (the only way other threads touch curl); the loop
/// wakes with `curl_multi_wakeup`. The multi handle keeps the client's connection pool, so
/// connections (HTTP/2 streams included) are reused across requests; when the client goes away the
/// loop closes them (a TLS close, so servers are not left waiting) and its thread ends.
final class CurlMultiLoop: Sendable {
  private let core: Core

  init() {
    _ = CurlRuntime.initialized
    core = Core()
    let core = self.core
    DedicatedThread.start(name: "tack-curl") { core.run() }
  }

  deinit { core.submit(.shutdown) }

  func submit(_ command: Command) { core.submit(command) }

  enum Command {
    case add(CurlTransfer)
    case cancel(CurlTransfer, any Error)
    case unpause(CurlTransfer)
    case shutdown
  }
}

extension CurlMultiLoop {
  /// What the loop thread owns. Outlives the façade until the thread has cleaned up.
  final class Core: Sendable {
    /// `CURLM *`; used on the loop thread only, except for the thread-safe `curl_multi_wakeup`.
    private nonisolated(unsafe) let multi: UnsafeMutableRawPointer
    private let commands = Mutex<[Command]>([])

    init() {
      multi = curl_multi_init()
      _ = tack_curl_multi_setopt_long(multi, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX))
    }

    func submit(_ command: Command) {
      commands.withLock { $0.append(command) }
      curl_multi_wakeup(multi)
    }

    /// The loop: apply commands, let curl work, report finished transfers, sleep until there is work.
    func run() {
      var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]

      func detach(_ transfer: CurlTransfer) {
        guard active.removeValue(forKey: transfer.easy) != nil else { return }
        curl_multi_remove_handle(multi, transfer.easy)
      }

      while true {
        let pending = commands.withLock { queue -> [Command] in
          let taken = queue
          queue.removeAll(keepingCapacity: true)
          return taken
        }
        for command in pending {
          switch command {
          case .add(let transfer):
            if let error = transfer.cancellation {
              transfer.finish(.failure(error))
              continue
            }
            active[transfer.easy] = transfer
            let code = curl_multi_add_handle(multi, transfer.easy)
            if code != CURLM_OK {
              active.removeValue(forKey: transfer.easy)
              transfer.finish(.failure(CurlError.multi(Int(code.rawValue))))
            }
          case .cancel(let transfer, let error):
            if active[transfer.easy] != nil {
              detach(transfer)
              transfer.finish(.failure(error))
            }
          case .unpause(let transfer):
            if active[transfer.easy] != nil {
              curl_easy_pause(transfer.easy, tack_curl_pause_cont())
            }
          case .shutdown:
            for transfer in Array(active.values) {
              detach(transfer)
              transfer.finish(.failure(CancellationError()))
            }
            curl_multi_cleanup(multi)
            return
          }
        }

        var running: Int32 = 0
        curl_multi_perform(multi, &running)
        var left: Int32 = 0
        while let message = curl_multi_info_read(multi, &left) {
          guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else {
            continue
          }
          let code = message.pointee.data.result
          guard let transfer = active[easy] else { continue }
          detach(transfer)
          transfer.complete(code: code)
        }
        curl_multi_poll(multi, nil, 0, active.isEmpty ? 60_000 : 1_000, nil)
      }
    }
  }
}

/// libcurl failures before any HTTP exchange (setup, multi handle).
enum CurlError: Error, CustomStringConvertible {
  case multi(Int)
  case setup(String)

  var description: String {
    switch self {
    case .multi(let code): "curl multi error \(code)"
    case .setup(let what): "curl setup failed: \(what)"
    }
  }
}
