import Foundation
import Model

/// Raised (by Ctrl-C, say) to end a profile early: loads in flight are abandoned at once and no new load starts,
/// so the caller can still write what was measured. Shared by every thread of a profile; raising is idempotent.
public final class StopSignal: @unchecked Sendable {
    // A lock rather than an atomic: Synchronization's Atomic needs macOS 15, and this is read once per poll.
    private let lock = NSLock()
    private var why: String?

    public init() {}

    /// Raises the signal with the reason a profile records (the first reason wins).
    public func raise(_ reason: String) { lock.withLock { if why == nil { why = reason } } }

    public var isRaised: Bool { lock.withLock { why != nil } }
    public var reason: String? { lock.withLock { why } }
}

extension PageRun {
    /// A load cut short by a `StopSignal`: its figures are partial, so it is not kept as a run.
    var wasInterrupted: Bool { requests.contains { $0.error?.code == "interrupted" } }
}
