import Testing

@testable import Notebook

struct BLASKernelsTests {
    @Test func theKernelFamilyFollowsTheProcessorsFeatures() {
        let avx512 = "processor : 0\nflags : fpu sse2 avx avx2 fma avx512f avx512dq avx512cd avx512bw avx512vl\n"
        #expect(BLASKernels.coreType(forFlags: avx512) == "SkylakeX")
        #expect(BLASKernels.coreType(forFlags: "flags : sse2 avx avx2 fma\n") == "Haswell")
        #expect(BLASKernels.coreType(forFlags: "flags : sse2 avx avx512f\n") == "Sandybridge")
        #expect(BLASKernels.coreType(forFlags: "flags : sse2\n") == nil)
        #expect(BLASKernels.coreType(forFlags: "no flags here") == nil)
    }

    @Test func aCoreTypeTheUserSetIsKept() {
        #expect(BLASKernels.environmentValue(["OPENBLAS_CORETYPE": "Zen"]) == "Zen")
    }
}
