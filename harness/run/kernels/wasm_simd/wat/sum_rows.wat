  ;; sumRows: out[k] = sum over the m rows of x [m, c] of x[row, k], accumulated in float64
  ;; in row order and rounded once to float32: the bias gradient. `acc` is scratch space
  ;; for c float64 values and must arrive zeroed. Two channels at a time in f64x2 lanes;
  ;; every channel adds its values in the same order as the JS loop, so the bits match.
  (func (export "sumRows")
    (param $x i32) (param $acc i32) (param $out i32) (param $m i32) (param $c i32)
    (local $row i32) (local $k i32) (local $c2 i32) (local $xp i32) (local $a i32)
    (local.set $c2 (i32.and (local.get $c) (i32.const -2)))
    (local.set $xp (local.get $x))
    (local.set $row (i32.const 0))
    (block $rDone (loop $rLoop
      (br_if $rDone (i32.ge_s (local.get $row) (local.get $m)))
      (local.set $k (i32.const 0))
      (block $kDone (loop $kLoop
        (br_if $kDone (i32.ge_s (local.get $k) (local.get $c2)))
        (local.set $a (i32.add (local.get $acc) (i32.shl (local.get $k) (i32.const 3))))
        (v128.store (local.get $a) (f64x2.add (v128.load (local.get $a))
          (f64x2.promote_low_f32x4
            (v128.load64_zero (i32.add (local.get $xp) (i32.shl (local.get $k) (i32.const 2)))))))
        (local.set $k (i32.add (local.get $k) (i32.const 2)))
        (br $kLoop)))
      (if (i32.lt_s (local.get $k) (local.get $c))
        (then
          (local.set $a (i32.add (local.get $acc) (i32.shl (local.get $k) (i32.const 3))))
          (f64.store (local.get $a) (f64.add (f64.load (local.get $a))
            (f64.promote_f32 (f32.load (i32.add (local.get $xp) (i32.shl (local.get $k) (i32.const 2)))))))))
      (local.set $xp (i32.add (local.get $xp) (i32.shl (local.get $c) (i32.const 2))))
      (local.set $row (i32.add (local.get $row) (i32.const 1)))
      (br $rLoop)))
    (local.set $k (i32.const 0))
    (block $oDone (loop $oLoop
      (br_if $oDone (i32.ge_s (local.get $k) (local.get $c)))
      (f32.store (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 2)))
        (f32.demote_f64 (f64.load (i32.add (local.get $acc) (i32.shl (local.get $k) (i32.const 3))))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $oLoop)))
  )
