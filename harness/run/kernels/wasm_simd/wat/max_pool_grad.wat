  ;; MaxPoolGrad: dx[argmax of each window] += dy[window], per channel. `dx` must
  ;; arrive zeroed. The arg-max is the first maximum in row-major window order
  ;; (strict >, so a NaN never wins after the first tap), as in the stock kernels.
  ;; Channels go four at a time in SIMD lanes (compare and select, no branches on
  ;; the data), the rest one at a time with `select`. Windows are visited in
  ;; (batch, row, column) order, so overlapping windows add in the same order as
  ;; the JS kernel and give the same bits.
  (func (export "maxPoolGrad")
    (param $x i32) (param $dy i32) (param $dx i32)
    (param $n i32) (param $h i32) (param $w i32) (param $c i32)
    (param $ho i32) (param $wo i32)
    (param $fh i32) (param $fw i32) (param $sh i32) (param $sw i32)
    (param $top i32) (param $left i32)
    (local $b i32) (local $p i32) (local $q i32) (local $k i32)
    (local $r i32) (local $col i32)
    (local $r0 i32) (local $r1 i32) (local $c0 i32) (local $c1 i32)
    (local $o i32) (local $c4 i32) (local $e i32) (local $t i32) (local $a i32)
    (local $rowBase i32) (local $is i32)
    (local $best v128) (local $idx v128) (local $v v128) (local $m v128) (local $g v128)
    (local $bs f32) (local $vs f32)
    (local.set $c4 (i32.and (local.get $c) (i32.const -4)))
    (local.set $o (i32.const 0))
    (local.set $b (i32.const 0))
    (block $bDone (loop $bLoop
      (br_if $bDone (i32.ge_s (local.get $b) (local.get $n)))
      (local.set $p (i32.const 0))
      (block $pDone (loop $pLoop
        (br_if $pDone (i32.ge_s (local.get $p) (local.get $ho)))
        ;; rows r0..r1 of this window row, clipped to the input
        (local.set $t (i32.sub (i32.mul (local.get $p) (local.get $sh)) (local.get $top)))
        (local.set $r0 (select (local.get $t) (i32.const 0)
          (i32.gt_s (local.get $t) (i32.const 0))))
        (local.set $t (i32.add (local.get $t) (local.get $fh)))
        (local.set $r1 (select (local.get $t) (local.get $h)
          (i32.lt_s (local.get $t) (local.get $h))))
        (local.set $q (i32.const 0))
        (block $qDone (loop $qLoop
          (br_if $qDone (i32.ge_s (local.get $q) (local.get $wo)))
          (local.set $t (i32.sub (i32.mul (local.get $q) (local.get $sw)) (local.get $left)))
          (local.set $c0 (select (local.get $t) (i32.const 0)
            (i32.gt_s (local.get $t) (i32.const 0))))
          (local.set $t (i32.add (local.get $t) (local.get $fw)))
          (local.set $c1 (select (local.get $t) (local.get $w)
            (i32.lt_s (local.get $t) (local.get $w))))
          (if (i32.and (i32.lt_s (local.get $r0) (local.get $r1))
                       (i32.lt_s (local.get $c0) (local.get $c1)))
            (then
              ;; four channels at a time
              (local.set $k (i32.const 0))
              (block $kDone (loop $kLoop
                (br_if $kDone (i32.ge_s (local.get $k) (local.get $c4)))
                (local.set $e (i32.add
                  (i32.mul
                    (i32.add
                      (i32.mul (i32.add (i32.mul (local.get $b) (local.get $h)) (local.get $r0))
                        (local.get $w))
                      (local.get $c0))
                    (local.get $c))
                  (local.get $k)))
                (local.set $best (v128.load (i32.add (local.get $x) (i32.shl (local.get $e) (i32.const 2)))))
                (local.set $idx (i32x4.add (i32x4.splat (local.get $e)) (v128.const i32x4 0 1 2 3)))
                (local.set $r (local.get $r0))
                (block $rDone (loop $rLoop
                  (br_if $rDone (i32.ge_s (local.get $r) (local.get $r1)))
                  (local.set $rowBase (i32.mul
                    (i32.mul (i32.add (i32.mul (local.get $b) (local.get $h)) (local.get $r))
                      (local.get $w))
                    (local.get $c)))
                  (local.set $col (local.get $c0))
                  (block $cDone (loop $cLoop
                    (br_if $cDone (i32.ge_s (local.get $col) (local.get $c1)))
                    (local.set $e (i32.add (local.get $rowBase)
                      (i32.add (i32.mul (local.get $col) (local.get $c)) (local.get $k))))
                    (local.set $v (v128.load (i32.add (local.get $x) (i32.shl (local.get $e) (i32.const 2)))))
                    (local.set $m (f32x4.gt (local.get $v) (local.get $best)))
                    (local.set $best (v128.bitselect (local.get $v) (local.get $best) (local.get $m)))
                    (local.set $idx (v128.bitselect
                      (i32x4.add (i32x4.splat (local.get $e)) (v128.const i32x4 0 1 2 3))
                      (local.get $idx) (local.get $m)))
                    (local.set $col (i32.add (local.get $col) (i32.const 1)))
                    (br $cLoop)))
                  (local.set $r (i32.add (local.get $r) (i32.const 1)))
                  (br $rLoop)))
                (local.set $g (v128.load (i32.add (local.get $dy)
                  (i32.shl (i32.add (local.get $o) (local.get $k)) (i32.const 2)))))
                (local.set $a (i32.add (local.get $dx) (i32.shl (i32x4.extract_lane 0 (local.get $idx)) (i32.const 2))))
                (f32.store (local.get $a) (f32.add (f32.load (local.get $a)) (f32x4.extract_lane 0 (local.get $g))))
                (local.set $a (i32.add (local.get $dx) (i32.shl (i32x4.extract_lane 1 (local.get $idx)) (i32.const 2))))
                (f32.store (local.get $a) (f32.add (f32.load (local.get $a)) (f32x4.extract_lane 1 (local.get $g))))
                (local.set $a (i32.add (local.get $dx) (i32.shl (i32x4.extract_lane 2 (local.get $idx)) (i32.const 2))))
                (f32.store (local.get $a) (f32.add (f32.load (local.get $a)) (f32x4.extract_lane 2 (local.get $g))))
                (local.set $a (i32.add (local.get $dx) (i32.shl (i32x4.extract_lane 3 (local.get $idx)) (i32.const 2))))
                (f32.store (local.get $a) (f32.add (f32.load (local.get $a)) (f32x4.extract_lane 3 (local.get $g))))
                (local.set $k (i32.add (local.get $k) (i32.const 4)))
                (br $kLoop)))
              ;; the remaining channels one at a time
              (block $sDone (loop $sLoop
                (br_if $sDone (i32.ge_s (local.get $k) (local.get $c)))
                (local.set $is (i32.add
                  (i32.mul
                    (i32.add
                      (i32.mul (i32.add (i32.mul (local.get $b) (local.get $h)) (local.get $r0))
                        (local.get $w))
                      (local.get $c0))
                    (local.get $c))
                  (local.get $k)))
                (local.set $bs (f32.load (i32.add (local.get $x) (i32.shl (local.get $is) (i32.const 2)))))
                (local.set $r (local.get $r0))
                (block $rDone2 (loop $rLoop2
                  (br_if $rDone2 (i32.ge_s (local.get $r) (local.get $r1)))
                  (local.set $rowBase (i32.mul
                    (i32.mul (i32.add (i32.mul (local.get $b) (local.get $h)) (local.get $r))
                      (local.get $w))
                    (local.get $c)))
                  (local.set $col (local.get $c0))
                  (block $cDone2 (loop $cLoop2
                    (br_if $cDone2 (i32.ge_s (local.get $col) (local.get $c1)))
                    (local.set $e (i32.add (local.get $rowBase)
                      (i32.add (i32.mul (local.get $col) (local.get $c)) (local.get $k))))
                    (local.set $vs (f32.load (i32.add (local.get $x) (i32.shl (local.get $e) (i32.const 2)))))
                    (local.set $t (f32.gt (local.get $vs) (local.get $bs)))
                    (local.set $bs (select (local.get $vs) (local.get $bs) (local.get $t)))
                    (local.set $is (select (local.get $e) (local.get $is) (local.get $t)))
                    (local.set $col (i32.add (local.get $col) (i32.const 1)))
                    (br $cLoop2)))
                  (local.set $r (i32.add (local.get $r) (i32.const 1)))
                  (br $rLoop2)))
                (local.set $a (i32.add (local.get $dx) (i32.shl (local.get $is) (i32.const 2))))
                (f32.store (local.get $a) (f32.add (f32.load (local.get $a))
                  (f32.load (i32.add (local.get $dy)
                    (i32.shl (i32.add (local.get $o) (local.get $k)) (i32.const 2))))))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (br $sLoop)))))
          (local.set $o (i32.add (local.get $o) (local.get $c)))
          (local.set $q (i32.add (local.get $q) (i32.const 1)))
          (br $qLoop)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $pLoop)))
      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (br $bLoop)))
  )
