# Final regret distributions, one panel per problem.
# Written by `parzen plot` from results/bbob. Standalone: reads only files beside it and writes
# final.png beside it; run `gnuplot plots/NAME/final.gp` from anywhere or `gnuplot final.gp` in its folder.
script_dir = strlen(ARG0) > strlen('final.gp') ? ARG0[1:strlen(ARG0) - strlen('final.gp')] : ''
if (strlen(script_dir) > 0) { cd script_dir }
set terminal pngcairo size 1260,9160 enhanced font "DejaVu Sans,10"
set output 'final.png'
set encoding utf8

set style fill solid 0.5 border lc rgb '#333333'
set boxwidth 0.6 absolute
set logscale y 10
set format y "10^{%L}"
set xrange [0.4:8.6]
set xtics ('grid' 1, 'random' 2, 'tpe' 3, 'anneal' 4, 'sobol' 5, 'halton' 6, 'cmaes' 7, 'tpe-optuna' 8) rotate by 30 right noenhanced nomirror
set ytics nomirror
set grid ytics lc rgb "#dddddd"
unset key
set ylabel "final regret"
boxes = 'final.dat'
dots = 'final-points.dat'
set multiplot layout 24,3 title "Final regret after 1000 evaluations (boxes: quartiles and median, whiskers: min to max, dots: replicates)"
set title "bbob-f1-2d: no significant winner" noenhanced
plot boxes index 0 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 0 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 0 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f2-2d: no significant winner" noenhanced
plot boxes index 1 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 1 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 1 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f3-2d: no significant winner" noenhanced
plot boxes index 2 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 2 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 2 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f4-2d: no significant winner" noenhanced
plot boxes index 3 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 3 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 3 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f5-2d: no significant winner" noenhanced
plot boxes index 4 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 4 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 4 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f6-2d: no significant winner" noenhanced
plot boxes index 5 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 5 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 5 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f7-2d: no significant winner" noenhanced
plot boxes index 6 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 6 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 6 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f8-2d: no significant winner" noenhanced
plot boxes index 7 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 7 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 7 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f9-2d: no significant winner" noenhanced
plot boxes index 8 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 8 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 8 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f10-2d: no significant winner" noenhanced
plot boxes index 9 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 9 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 9 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f11-2d: no significant winner" noenhanced
plot boxes index 10 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 10 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 10 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f12-2d: no significant winner" noenhanced
plot boxes index 11 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 11 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 11 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f13-2d: no significant winner" noenhanced
plot boxes index 12 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 12 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 12 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f14-2d: no significant winner" noenhanced
plot boxes index 13 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 13 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 13 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f15-2d: no significant winner" noenhanced
plot boxes index 14 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 14 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 14 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f16-2d: no significant winner" noenhanced
plot boxes index 15 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 15 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 15 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f17-2d: no significant winner" noenhanced
plot boxes index 16 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 16 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 16 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f18-2d: no significant winner" noenhanced
plot boxes index 17 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 17 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 17 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f19-2d: no significant winner" noenhanced
plot boxes index 18 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 18 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 18 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f20-2d: no significant winner" noenhanced
plot boxes index 19 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 19 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 19 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f21-2d: no significant winner" noenhanced
plot boxes index 20 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 20 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 20 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f22-2d: no significant winner" noenhanced
plot boxes index 21 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 21 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 21 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f23-2d: no significant winner" noenhanced
plot boxes index 22 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 22 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 22 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f24-2d: no significant winner" noenhanced
plot boxes index 23 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 23 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 23 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f1-5d: no significant winner" noenhanced
plot boxes index 24 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 24 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 24 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f2-5d: no significant winner" noenhanced
plot boxes index 25 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 25 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 25 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f3-5d: no significant winner" noenhanced
plot boxes index 26 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 26 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 26 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f4-5d: no significant winner" noenhanced
plot boxes index 27 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 27 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 27 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f5-5d: no significant winner" noenhanced
plot boxes index 28 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 28 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 28 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f6-5d: no significant winner" noenhanced
plot boxes index 29 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 29 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 29 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f7-5d: no significant winner" noenhanced
plot boxes index 30 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 30 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 30 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f8-5d: no significant winner" noenhanced
plot boxes index 31 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 31 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 31 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f9-5d: no significant winner" noenhanced
plot boxes index 32 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 32 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 32 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f10-5d: no significant winner" noenhanced
plot boxes index 33 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 33 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 33 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f11-5d: no significant winner" noenhanced
plot boxes index 34 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 34 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 34 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f12-5d: no significant winner" noenhanced
plot boxes index 35 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 35 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 35 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f13-5d: no significant winner" noenhanced
plot boxes index 36 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 36 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 36 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f14-5d: no significant winner" noenhanced
plot boxes index 37 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 37 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 37 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f15-5d: no significant winner" noenhanced
plot boxes index 38 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 38 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 38 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f16-5d: no significant winner" noenhanced
plot boxes index 39 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 39 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 39 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f17-5d: no significant winner" noenhanced
plot boxes index 40 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 40 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 40 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f18-5d: no significant winner" noenhanced
plot boxes index 41 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 41 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 41 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f19-5d: no significant winner" noenhanced
plot boxes index 42 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 42 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 42 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f20-5d: no significant winner" noenhanced
plot boxes index 43 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 43 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 43 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f21-5d: no significant winner" noenhanced
plot boxes index 44 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 44 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 44 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f22-5d: no significant winner" noenhanced
plot boxes index 45 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 45 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 45 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f23-5d: no significant winner" noenhanced
plot boxes index 46 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 46 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 46 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f24-5d: no significant winner" noenhanced
plot boxes index 47 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 47 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 47 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f1-10d: no significant winner" noenhanced
plot boxes index 48 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 48 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 48 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f2-10d: no significant winner" noenhanced
plot boxes index 49 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 49 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 49 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f3-10d: no significant winner" noenhanced
plot boxes index 50 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 50 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 50 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f4-10d: no significant winner" noenhanced
plot boxes index 51 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 51 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 51 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f5-10d: no significant winner" noenhanced
plot boxes index 52 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 52 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 52 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f6-10d: no significant winner" noenhanced
plot boxes index 53 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 53 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 53 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f7-10d: no significant winner" noenhanced
plot boxes index 54 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 54 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 54 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f8-10d: no significant winner" noenhanced
plot boxes index 55 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 55 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 55 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f9-10d: no significant winner" noenhanced
plot boxes index 56 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 56 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 56 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f10-10d: no significant winner" noenhanced
plot boxes index 57 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 57 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 57 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f11-10d: no significant winner" noenhanced
plot boxes index 58 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 58 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 58 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f12-10d: no significant winner" noenhanced
plot boxes index 59 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 59 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 59 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f13-10d: no significant winner" noenhanced
plot boxes index 60 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 60 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 60 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f14-10d: no significant winner" noenhanced
plot boxes index 61 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 61 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 61 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f15-10d: no significant winner" noenhanced
plot boxes index 62 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 62 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 62 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f16-10d: no significant winner" noenhanced
plot boxes index 63 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 63 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 63 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f17-10d: no significant winner" noenhanced
plot boxes index 64 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 64 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 64 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f18-10d: no significant winner" noenhanced
plot boxes index 65 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 65 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 65 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f19-10d: no significant winner" noenhanced
plot boxes index 66 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 66 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 66 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f20-10d: no significant winner" noenhanced
plot boxes index 67 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 67 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 67 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f21-10d: no significant winner" noenhanced
plot boxes index 68 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 68 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 68 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f22-10d: no significant winner" noenhanced
plot boxes index 69 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 69 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 69 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f23-10d: no significant winner" noenhanced
plot boxes index 70 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 70 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 70 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "bbob-f24-10d: no significant winner" noenhanced
plot boxes index 71 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 71 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 71 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
unset multiplot
