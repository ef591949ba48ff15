import TackBase
import TackCore
import TackOutput

/// The dashboard's event loop: the terminal's keys and resizes, the feed's updates, action results
/// and a 1 Hz tick (ages) fold into one `DashboardState`; each change renders a frame and writes
/// only what differs. Keys draw at once; data marks the frame dirty and draws within 33 ms, so a
/// burst of watch events costs one frame. The terminal is restored however the loop ends.
struct DashboardRunner: Sendable {
  let cluster: any Cluster
  let contextName: String
  let namespace: String?
  let depth: ColorDepth
  let clock: any CanaryClock

  enum Event: Sendable {
    case terminal(TerminalEvent)
    case feed(DashboardFeedUpdate)
    case update(DashboardUpdate)
    case draw
    case tick
  }

  static let frameInterval: Duration = .milliseconds(33)

  func run() async throws {
    let terminal = RawTerminal()
    try terminal.enter()
    defer { terminal.restore() }
    let input = TerminalInput(terminal: terminal)
    defer { input.stop() }

    let (events, sink) = AsyncStream.makeStream(of: Event.self)
    var tasks: [Task<Void, Never>] = []
    defer { tasks.forEach { $0.cancel() } }
    let keys = input.events()
    tasks.append(Task {
      for await event in keys { sink.yield(.terminal(event)) }
    })
    tasks.append(Task {
      while !Task.isCancelled {
        try? await Task.sleep(for: .seconds(1))
        sink.yield(.tick)
      }
    })
    var feedTask = startFeed(namespace: namespace, into: sink)
    defer { feedTask.cancel() }

    let actions = DashboardActions(cluster: cluster, canaryClock: clock)
    var state = DashboardState(context: contextName, namespace: namespace, now: .now())
    var encoder = FrameEncoder(depth: depth)
    var size = terminal.size()
    var drawTask: Task<Void, Never>?
    defer { drawTask?.cancel() }

    func scheduleDraw() {
      guard drawTask == nil else { return }
      drawTask = Task {
        try? await Task.sleep(for: Self.frameInterval)
        sink.yield(.draw)
      }
    }

    func draw() {
      state.now = .now()
      let frame = DashboardView.render(state, columns: size.columns, rows: size.rows)
      let bytes = encoder.encode(frame)
      if !bytes.isEmpty { terminal.write(bytes) }
    }
    draw()

    for await event in events {
      switch event {
      case .terminal(.resize(let columns, let rows)):
        size = (columns, rows)
        encoder.invalidate()
        draw()
      case .terminal(.key(let key)):
        let effect = state.handle(key, at: .now)
        switch effect {
        case .quit?: return
        case .perform(let action, let key)?:
          tasks.append(Task {
            sink.yield(.update(.status(await actions.perform(action, on: key))))
          })
        case .loadEvents(let key)?:
          tasks.append(Task {
            let records = await recentEvents(key)
            sink.yield(.update(.events(key, records.events)))
            if let error = records.error { sink.yield(.update(.status(DashboardStatus(error, isError: true)))) }
          })
        case .switchNamespace(let namespace)?:
          feedTask.cancel()
          for kind in state.kinds { state.apply(DashboardUpdate.feed(kind, .connecting)) }
          feedTask = startFeed(namespace: namespace, into: sink)
        case .repaint?: encoder.invalidate()
        case nil: break
        }
        draw()
      case .feed(let update):
        state.apply(update)
        scheduleDraw()
      case .update(let update):
        state.apply(update)
        scheduleDraw()
      case .draw:
        drawTask = nil
        draw()
      case .tick:
        draw()
      }
    }
  }

  func startFeed(namespace: String?, into sink: AsyncStream<Event>.Continuation) -> Task<Void, Never> {
    let feed = DashboardFeed(cluster: cluster)
    return Task {
      for await update in feed.updates(kinds: DashboardState.watchedKinds, namespace: namespace) {
        sink.yield(.feed(update))
      }
    }
  }

  func recentEvents(_ key: DashboardKey) async -> (events: [EventRecord], error: String?) {
    do {
      let request = FluxEventsRequest(namespace: key.namespace, subject: .init(kind: key.kind, name: key.name))
      return (try await FluxEvents(cluster: cluster).list(request).records, nil)
    } catch {
      return ([], "events of \(key.name): \(error)")
    }
  }
}
