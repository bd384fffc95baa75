// Vectorized element-wise kernels of the two tensor precisions.

extension Float {
    /// Vectorized bias + ReLU.
    public static func reluAddingBias(_ p: UnsafeMutablePointer<Float>, bias b: UnsafePointer<Float>, rows: Int, width: Int) {
        for r in 0..<rows {
            let row = p + r * width
            var j = 0
            while j + 8 <= width {
                let v = UnsafeRawPointer(row + j).loadUnaligned(as: SIMD8<Float>.self)
                    + UnsafeRawPointer(b + j).loadUnaligned(as: SIMD8<Float>.self)
                UnsafeMutableRawPointer(row + j).storeBytes(of: v.replacing(with: 0, where: v .< 0), as: SIMD8<Float>.self)
                j &+= 8
            }
            while j < width {
                let v = row[j] + b[j]
                row[j] = v < 0 ? 0 : v
                j &+= 1
            }
        }
    }

    /// Vectorized ReLU derivative.
    public static func reluBackward(_ grad: UnsafeMutablePointer<Float>, outputs a: UnsafePointer<Float>, count n: Int) {
        var i = 0
        while i + 8 <= n {
            let g = UnsafeRawPointer(grad + i).loadUnaligned(as: SIMD8<Float>.self)
            let x = UnsafeRawPointer(a + i).loadUnaligned(as: SIMD8<Float>.self)
            UnsafeMutableRawPointer(grad + i).storeBytes(of: g.replacing(with: 0, where: .!(x .> 0)), as: SIMD8<Float>.self)
            i &+= 8
        }
        while i < n {
            grad[i] = a[i] > 0 ? grad[i] : 0
            i &+= 1
        }
    }
}

extension Double {
    /// Vectorized bias + ReLU.
    public static func reluAddingBias(_ p: UnsafeMutablePointer<Double>, bias b: UnsafePointer<Double>, rows: Int, width: Int) {
        for r in 0..<rows {
            let row = p + r * width
            var j = 0
            while j + 8 <= width {
                let v = UnsafeRawPointer(row + j).loadUnaligned(as: SIMD8<Double>.self)
                    + UnsafeRawPointer(b + j).loadUnaligned(as: SIMD8<Double>.self)
                UnsafeMutableRawPointer(row + j).storeBytes(of: v.replacing(with: 0, where: v .< 0), as: SIMD8<Double>.self)
                j &+= 8
            }
            while j < width {
                let v = row[j] + b[j]
                row[j] = v < 0 ? 0 : v
                j &+= 1
            }
        }
    }

    /// Vectorized ReLU derivative.
    public static func reluBackward(_ grad: UnsafeMutablePointer<Double>, outputs a: UnsafePointer<Double>, count n: Int) {
        var i = 0
        while i + 8 <= n {
            let g = UnsafeRawPointer(grad + i).loadUnaligned(as: SIMD8<Double>.self)
            let x = UnsafeRawPointer(a + i).loadUnaligned(as: SIMD8<Double>.self)
            UnsafeMutableRawPointer(grad + i).storeBytes(of: g.replacing(with: 0, where: .!(x .> 0)), as: SIMD8<Double>.self)
            i &+= 8
        }
        while i < n {
            grad[i] = a[i] > 0 ? grad[i] : 0
            i &+= 1
        }
    }
}
