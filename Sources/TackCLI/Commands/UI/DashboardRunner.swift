import TackBase
import TackCore
import TackOutput

/// The dashboard's event loop: the terminal's keys and resizes, the feed's updates, action results
/// and a 1 Hz tick (ages) fold into one `DashboardState`; each change renders a frame and writes
/// only what differs. Keys draw at once; data marks the frame dirty and draws within 33 ms, so a
/// burst of watch events costs one frame. The terminal is restored however the loop ends.
struct DashboardRunner: Sendable {
  /// The clusters shown: one with an empty name, or a fleet's contexts by name. A context whose
  /// connection could not even be built carries the reason and is shown unreachable.
  let members: [FleetMember]
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
  /// How long a fleet member may take to say its version before it is shown unreachable (its
  /// watches keep retrying).
  static let probeTimeout: Duration = .seconds(5)

  var isFleet: Bool { members.count != 1 || !members[0].name.isEmpty }

  func cluster(named name: String) -> (any Cluster)? {
    members.first { $0.name == name }.flatMap { try? $0.cluster.get() }
  }

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
    var feedTask = startFeeds(namespace: namespace, into: sink)
    defer { feedTask.cancel() }

    var state = DashboardState(
      context: contextName, namespace: namespace, clusters: isFleet ? members.map(\.name) : [], now: .now())
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
          guard let cluster = cluster(named: key.cluster) else { break }
          let actions = DashboardActions(cluster: cluster, canaryClock: clock)
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
          for member in members {
            for kind in state.kinds { state.apply(DashboardUpdate.feed(kind, .connecting, cluster: member.name)) }
          }
          feedTask = startFeeds(namespace: namespace, into: sink)
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

  /// Every member's watches, concurrently; a fleet member also probes its server version, so one
  /// that does not answer is shown unreachable without holding the others up.
  func startFeeds(namespace: String?, into sink: AsyncStream<Event>.Continuation) -> Task<Void, Never> {
    let fleet = isFleet
    return Task {
      await withTaskGroup(of: Void.self) { group in
        for member in members {
          group.addTask {
            let cluster: any Cluster
            switch member.cluster {
            case .failure(let error):
              sink.yield(.update(.cluster(member.name, .unreachable(error.description))))
              return
            case .success(let built): cluster = built
            }
            if fleet {
              sink.yield(.update(.cluster(member.name, await Self.probe(cluster))))
            }
            let feed = DashboardFeed(cluster: cluster, name: member.name)
            for await update in feed.updates(kinds: DashboardState.watchedKinds, namespace: namespace) {
              sink.yield(.feed(update))
            }
          }
        }
      }
    }
  }

  static func probe(_ cluster: any Cluster) async -> ClusterFeed {
    await withTaskGroup(of: ClusterFeed?.self) { group in
      group.addTask {
        do {
          return .connected(version: try await cluster.serverVersion())
        } catch {
          return .unreachable(tackErrorText(error))
        }
      }
      group.addTask {
        try? await Task.sleep(for: probeTimeout)
        return Task.isCancelled ? nil : .unreachable("no answer in \(probeTimeout.components.seconds)s")
      }
      let first = await group.next() ?? nil
      group.cancelAll()
      return first ?? .unreachable("no answer")
    }
  }

  static func tackErrorText(_ error: any Error) -> String {
    (error as? any TackError)?.description ?? "\(error)"
  }

  func recentEvents(_ key: DashboardKey) async -> (events: [EventRecord], error: String?) {
    guard let cluster = cluster(named: key.cluster) else { return ([], nil) }
    do {
      let request = FluxEventsRequest(namespace: key.namespace, subject: .init(kind: key.kind, name: key.name))
      return (try await FluxEvents(cluster: cluster).list(request).records, nil)
    } catch {
      return ([], "events of \(key.name): \(error)")
    }
  }
}
