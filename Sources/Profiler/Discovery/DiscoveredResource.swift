import Foundation
import Model

/// A subresource a browser would request while loading a page, as found in HTML or CSS.
public struct DiscoveredResource: Sendable, Equatable, Hashable {
    /// Absolute `http(s)` URL, fragment removed, normalized by `URLResolver`.
    public var url: URL
    /// What the referencing context says the request is for (like a browser's resource type).
    public var type: ResourceType

    public init(url: URL, type: ResourceType) {
        self.url = url
        self.type = type
    }
}

/// The window a browser would lay the page out in: what `srcset`, `sizes`, `<source media>` and
/// `image-set()` choices are evaluated against.
public struct Viewport: Sendable, Equatable, Hashable {
    /// Width in CSS px (the `width` media feature, 100vw).
    public var width: Int
    /// Device pixel ratio (the `resolution` media feature, the density a `srcset` aims for).
    public var devicePixelRatio: Double
    /// Height in CSS px (the `height` media feature, 100vh).
    public var height: Int

    public init(width: Int, devicePixelRatio: Double, height: Int = 1080) {
        self.width = width
        self.devicePixelRatio = devicePixelRatio
        self.height = height
    }

    /// Chrome on a desktop: 1920 × 1080 CSS px at DPR 1 (the EcoIndex reference window).
    public static let desktop = Viewport(width: 1920, devicePixelRatio: 1)
}

/// An ordered list of resources without duplicate URLs: the first occurrence (and its type) wins.
struct ResourceList {
    private(set) var resources: [DiscoveredResource] = []
    private var seen: Set<URL> = []

    mutating func append(_ url: URL?, _ type: ResourceType) {
        guard let url, seen.insert(url).inserted else { return }
        resources.append(DiscoveredResource(url: url, type: type))
    }

    mutating func append(contentsOf other: [DiscoveredResource]) {
        for resource in other { append(resource.url, resource.type) }
    }
}
