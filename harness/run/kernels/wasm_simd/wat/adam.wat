  ;; adam: one Adam step over n values, as tfjs's AdamOptimizer computes it, kernel by
  ;; kernel, in float32: m' = m*b1 + g*c1; v' = v*b2 + (g*g)*c2;
  ;; w' = ((m'/om1) / (sqrt(v'/om2) + eps)) * negLr + w. Four values at a time, the rest
  ;; one by one; the lanes do the same float32 operations, so the bits are tfjs's.
  (func (export "adam")
    (param $w i32) (param $g i32) (param $m i32) (param $v i32)
    (param $nw i32) (param $nm i32) (param $nv i32) (param $n i32)
    (param $b1 f32) (param $b2 f32) (param $c1 f32) (param $c2 f32)
    (param $om1 f32) (param $om2 f32) (param $eps f32) (param $negLr f32)
    (local $i i32) (local $n4 i32) (local $o i32)
    (local $gv v128) (local $mv v128) (local $vv v128)
    (local $gs f32) (local $ms f32) (local $vs f32)
    (local.set $n4 (i32.and (local.get $n) (i32.const -4)))
    (local.set $i (i32.const 0))
    (block $done (loop $simd
      (br_if $done (i32.ge_s (local.get $i) (local.get $n4)))
      (local.set $o (i32.shl (local.get $i) (i32.const 2)))
      (local.set $gv (v128.load (i32.add (local.get $g) (local.get $o))))
      (local.set $mv (f32x4.add
        (f32x4.mul (v128.load (i32.add (local.get $m) (local.get $o))) (f32x4.splat (local.get $b1)))
        (f32x4.mul (local.get $gv) (f32x4.splat (local.get $c1)))))
      (local.set $vv (f32x4.add
        (f32x4.mul (v128.load (i32.add (local.get $v) (local.get $o))) (f32x4.splat (local.get $b2)))
        (f32x4.mul (f32x4.mul (local.get $gv) (local.get $gv)) (f32x4.splat (local.get $c2)))))
      (v128.store (i32.add (local.get $nm) (local.get $o)) (local.get $mv))
      (v128.store (i32.add (local.get $nv) (local.get $o)) (local.get $vv))
      (v128.store (i32.add (local.get $nw) (local.get $o))
        (f32x4.add
          (f32x4.mul
            (f32x4.div
              (f32x4.div (local.get $mv) (f32x4.splat (local.get $om1)))
              (f32x4.add
                (f32x4.sqrt (f32x4.div (local.get $vv) (f32x4.splat (local.get $om2))))
                (f32x4.splat (local.get $eps))))
            (f32x4.splat (local.get $negLr)))
          (v128.load (i32.add (local.get $w) (local.get $o)))))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $simd)))
    (block $tailDone (loop $tail
      (br_if $tailDone (i32.ge_s (local.get $i) (local.get $n)))
      (local.set $o (i32.shl (local.get $i) (i32.const 2)))
      (local.set $gs (f32.load (i32.add (local.get $g) (local.get $o))))
      (local.set $ms (f32.add
        (f32.mul (f32.load (i32.add (local.get $m) (local.get $o))) (local.get $b1))
        (f32.mul (local.get $gs) (local.get $c1))))
      (local.set $vs (f32.add
        (f32.mul (f32.load (i32.add (local.get $v) (local.get $o))) (local.get $b2))
        (f32.mul (f32.mul (local.get $gs) (local.get $gs)) (local.get $c2))))
      (f32.store (i32.add (local.get $nm) (local.get $o)) (local.get $ms))
      (f32.store (i32.add (local.get $nv) (local.get $o)) (local.get $vs))
      (f32.store (i32.add (local.get $nw) (local.get $o))
        (f32.add
          (f32.mul
            (f32.div
              (f32.div (local.get $ms) (local.get $om1))
              (f32.add (f32.sqrt (f32.div (local.get $vs) (local.get $om2))) (local.get $eps)))
            (local.get $negLr))
          (f32.load (i32.add (local.get $w) (local.get $o)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $tail)))
  )
